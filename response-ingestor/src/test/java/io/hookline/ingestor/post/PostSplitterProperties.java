package io.hookline.ingestor.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.command.CommandPost;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class PostSplitterProperties {

    @Property(tries = 300)
    void partsJoinBackToTheMessageAndNoneIsTooLong(@ForAll @StringLength(max = 200) String message,
                                                   @ForAll @IntRange(min = 1, max = 40) int limit) {
        List<CommandPost> parts = new PostSplitter(limit, 10_000)
                .split(new CommandPost("c", "", "u", message, "", Map.of(), null), List.of());
        assertThat(String.join("", parts.stream().map(CommandPost::message).toList())).isEqualTo(message);
        assertThat(parts).allSatisfy(p -> assertThat(p.message().codePointCount(0, p.message().length()))
                .isLessThanOrEqualTo(limit));
        assertThat(parts.subList(0, parts.size() - 1)).allSatisfy(p -> assertThat(
                p.message().codePointCount(0, p.message().length())).isEqualTo(limit));
    }
}
