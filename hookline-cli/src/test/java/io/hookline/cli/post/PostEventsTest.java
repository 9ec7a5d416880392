package io.hookline.cli.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostEventsTest {

    private static final String CHANNEL = "chan000000000000000000000a";
    private static final String TEAM = "team000000000000000000000a";
    private static final String USER = "user000000000000000000000a";
    private static final String NEW_ID = "post000000000000000000000a";

    private final PostEvents events = new PostEvents(() -> NEW_ID, () -> 1_764_150_000_000L);

    private static PostFlags flags(String channelType, String rootId) {
        return new PostFlags(CHANNEL, TEAM, USER, "alice", "ping now", channelType, "town-square", "engineering",
                rootId);
    }

    @Test
    void flagsMakeACompleteEventInEveryPart() {
        PostEvent e = events.fromFlags(flags("O", ""));
        assertThat(e.problems()).isEmpty();
        assertThat(e.post()).isEqualTo(new Post(NEW_ID, 1_764_150_000_000L, 0, 0, 0, USER, CHANNEL, "", "ping now", "",
                Map.of(), List.of()));
        assertThat(e.channel()).isEqualTo(new Channel(CHANNEL, "town-square", "town-square", "O", TEAM));
        assertThat(e.team()).isEqualTo(new Team(TEAM, "engineering", "engineering"));
        assertThat(e.user()).isEqualTo(new User(USER, "alice"));
    }

    @Test
    void flagsAreCheckedOptionByOption() {
        assertThat(PostEvents.problems(flags("O", ""))).isEmpty();
        assertThat(PostEvents.problems(flags("P", "root00000000000000000000001"))).singleElement()
                .asString().startsWith("--root-id:");
        assertThat(PostEvents.problems(flags("public", ""))).singleElement().asString()
                .startsWith("--channel-type:");
        PostFlags bad = new PostFlags("", "TEAM", USER, "", "", "O", "", "", "");
        assertThat(PostEvents.problems(bad)).hasSize(2).anySatisfy(p -> assertThat(p).startsWith("--channel-id:"))
                .anySatisfy(p -> assertThat(p).startsWith("--team-id:"));
    }

    @Test
    void completeFillsOnlyWhatIsMissing() {
        Post bare = new Post("", 0, 0, 0, 0, USER, CHANNEL, "", "hi", "", Map.of("k", "v"), List.of("f1"));
        PostEvent completed = events.complete(new PostEvent(bare, null, null, null));
        assertThat(completed.post().id()).isEqualTo(NEW_ID);
        assertThat(completed.post().createAt()).isEqualTo(1_764_150_000_000L);
        assertThat(completed.post().props()).containsEntry("k", "v");
        assertThat(completed.post().fileIds()).containsExactly("f1");

        Post given = new Post("mine00000000000000000000001", 42, 0, 0, 0, USER, CHANNEL, "", "hi", "", Map.of(), List.of());
        PostEvent untouched = new PostEvent(given, null, null, null);
        assertThat(events.complete(untouched)).isSameAs(untouched);
    }
}
