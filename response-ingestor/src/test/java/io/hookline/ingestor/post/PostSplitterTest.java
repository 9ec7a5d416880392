package io.hookline.ingestor.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.schemas.command.CommandPost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostSplitterTest {

    private static CommandPost post(String message, Map<String, Object> props) {
        return new CommandPost("c", "", "u", message, "", props, Map.of("priority", Map.of("priority", "urgent")));
    }

    @Test
    void aMessageAtTheLimitIsOnePost() {
        String message = "x".repeat(PostSplitter.MAX_MESSAGE_RUNES);
        List<CommandPost> parts = new PostSplitter().split(post(message, Map.of("from_webhook", "true")), List.of());
        assertThat(parts).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(message));
    }

    @Test
    void aLongerMessageIsCutEveryLimitRunesAndEveryPartKeepsTheProps() {
        String message = "a".repeat(PostSplitter.MAX_MESSAGE_RUNES) + "b".repeat(PostSplitter.MAX_MESSAGE_RUNES) + "c";
        Map<String, Object> props = Map.of("from_webhook", "true", "k", "v");
        List<CommandPost> parts = new PostSplitter().split(post(message, props), List.of());
        assertThat(parts).extracting(CommandPost::message).containsExactly(
                "a".repeat(PostSplitter.MAX_MESSAGE_RUNES), "b".repeat(PostSplitter.MAX_MESSAGE_RUNES), "c");
        assertThat(parts).allSatisfy(p -> assertThat(p.props()).isEqualTo(props));
        assertThat(parts.get(0).metadata()).isNotNull();
        assertThat(parts.subList(1, 3)).allSatisfy(p -> assertThat(p.metadata()).isNull());
    }

    @Test
    void cutsCountRunesNotUtf16Units() {
        String emoji = "\uD83D\uDE00";
        String message = emoji.repeat(5);
        List<CommandPost> parts = new PostSplitter(2, 1000).split(post(message, Map.of()), List.of());
        assertThat(parts).extracting(CommandPost::message).containsExactly(emoji.repeat(2), emoji.repeat(2), emoji);
    }

    @Test
    void attachmentsGoOnTheLastPartAndOverflowIntoFollowUpPosts() {
        List<Map<String, Object>> attachments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attachments.add(Map.of("text", String.valueOf(i).repeat(40)));
        }
        // {"a":"b","attachments":[]} is 26 runes and each attachment 50 (+1 comma): two fit in 140, three do not
        List<CommandPost> parts = new PostSplitter(10, 140).split(post("0123456789xy", Map.of("a", "b")),
                attachments);
        assertThat(parts).extracting(CommandPost::message).containsExactly("0123456789", "xy", "", "");
        assertThat(parts.get(0).props()).doesNotContainKey("attachments");
        assertThat(parts.get(1).props().get("attachments")).isEqualTo(attachments.subList(0, 2));
        assertThat(parts.get(2).props().get("attachments")).isEqualTo(attachments.subList(2, 4));
        assertThat(parts.get(3).props().get("attachments")).isEqualTo(attachments.subList(4, 5));
        assertThat(parts).allSatisfy(p -> {
            assertThat(p.props()).containsEntry("a", "b");
            assertThat(p.type()).isEqualTo("");
            assertThat(PropsSize.runes(p.props())).isLessThanOrEqualTo(140);
        });
    }

    @Test
    void aLoneAttachmentTooLargeHasItsTextShortened() {
        Map<String, Object> big = new LinkedHashMap<>();
        big.put("title", "t");
        big.put("text", "x".repeat(500));
        List<CommandPost> parts = new PostSplitter(100, 200).split(post("hi", Map.of()), List.of(big));
        assertThat(parts).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> kept = ((List<Map<String, Object>>) parts.get(0).props().get("attachments")).get(0);
        assertThat(PropsSize.runes(parts.get(0).props())).isEqualTo(200);
        assertThat((String) kept.get("text")).matches("x+").hasSizeLessThan(500);
        assertThat(kept).containsEntry("title", "t");
    }

    @Test
    void anAttachmentThatCannotFitEvenShortenedRejectsTheResponse() {
        Map<String, Object> big = Map.of("title", "t".repeat(500), "text", "x");
        assertThatThrownBy(() -> new PostSplitter(100, 200).split(post("hi", Map.of()), List.of(big)))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("attachments[0] is too large");
    }

    @Test
    void propsTooLargeForAnyPostRejectTheResponse() {
        assertThatThrownBy(() -> new PostSplitter(100, 50).split(post("hi", Map.of("k", "v".repeat(60))), List.of()))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("more than the 50 a post may have");
    }

    @Test
    void propsSizeCountsGoEscapes() {
        assertThat(PropsSize.runes(Map.of("k", "a<b"))).isEqualTo("{\"k\":\"a<b\"}".length() + 5);
        assertThat(PropsSize.runes(Map.of("k", "\uD83D\uDE00"))).isEqualTo(9);
    }

    @Test
    void realLimitsMoveAttachmentsPast760000RunesIntoAFollowUpPost() {
        List<Map<String, Object>> attachments = List.of(Map.of("text", "a".repeat(300_000)),
                Map.of("text", "b".repeat(300_000)), Map.of("text", "c".repeat(300_000)));
        List<CommandPost> parts = new PostSplitter().split(post("hello", Map.of("from_webhook", "true")), attachments);
        assertThat(parts).extracting(CommandPost::message).containsExactly("hello", "");
        assertThat(parts.get(0).props().get("attachments")).isEqualTo(attachments.subList(0, 2));
        assertThat(parts.get(1).props().get("attachments")).isEqualTo(attachments.subList(2, 3));
        assertThat(parts).allSatisfy(p -> assertThat(PropsSize.runes(p.props())).isLessThanOrEqualTo(760_000));
    }

    @Test
    void realLimitsSplitAVeryLongAnswer() {
        String message = "y".repeat(40_000);
        List<CommandPost> parts = new PostSplitter().split(post(message, Map.of()), List.of());
        assertThat(parts).extracting(p -> p.message().length()).containsExactly(16383, 16383, 40_000 - 2 * 16383);
    }
}
