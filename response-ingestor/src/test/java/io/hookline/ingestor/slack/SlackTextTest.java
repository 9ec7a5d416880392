package io.hookline.ingestor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlackTextTest {

    @Test
    void announcementsBecomeMentions() {
        assertThat(SlackText.message("<!channel> deploy, <!here> and <!all>: <!channel>"))
                .isEqualTo("@channel deploy, @here and @all: @channel");
    }

    @Test
    void linkWithTextBecomesMarkdownLink() {
        assertThat(SlackText.message("see <https://ci.example/1|build 1> and <http://x.y/?a=1&b=$2|b>"))
                .isEqualTo("see [build 1](https://ci.example/1) and [b](http://x.y/?a=1&b=$2)");
    }

    @Test
    void bareUrlAndUserMentionAreLeftAsMattermostLeavesThem() {
        assertThat(SlackText.message("<https://example.com> by <@u1234567890>"))
                .isEqualTo("<https://example.com> by <@u1234567890>");
    }

    @Test
    void messagePatternDoesNotCrossNewlinesButAttachmentPatternDoes() {
        String text = "<https://a.example/\nx|label>";
        assertThat(SlackText.message(text)).isEqualTo(text);
        assertThat(SlackText.attachmentText(text)).isEqualTo("[label](https://a.example/\nx)");
    }

    @Test
    void attachmentPatternAllowsGreaterThanInTheUrlPartLikeMattermost() {
        // Mattermost's attachment pattern is <([^<|]+)\|([^>]+)>: the url part may hold '>' but not '<' or '|'.
        assertThat(SlackText.attachmentText("<a>b|c>")).isEqualTo("[c](a>b)");
        assertThat(SlackText.message("<a>b|c>")).isEqualTo("<a>b|c>");
    }

    @Test
    void titlesOnlyGetAnnouncements() {
        assertThat(SlackText.attachmentTitle("<!here> <https://x.example|x>")).isEqualTo("@here <https://x.example|x>");
    }

    @Test
    void emptyAndPlainTextAreUnchanged() {
        assertThat(SlackText.message("")).isEmpty();
        assertThat(SlackText.message("plain 2 < 3")).isEqualTo("plain 2 < 3");
    }
}
