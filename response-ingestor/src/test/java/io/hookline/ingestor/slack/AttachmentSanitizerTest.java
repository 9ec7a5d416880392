package io.hookline.ingestor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.response.MessageAttachment;
import io.hookline.ingestor.response.ResponseReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttachmentSanitizerTest {

    private final AttachmentSanitizer sanitizer = AttachmentSanitizer.forWebhookAnswers();

    private AttachmentSanitizer.Result sanitize(String attachmentsJson) {
        List<MessageAttachment> attachments = new ResponseReader()
                .read("{\"attachments\": " + attachmentsJson + "}").orElseThrow().attachments();
        return sanitizer.sanitize(attachments);
    }

    @Test
    void keepsAValidAttachmentWholeWithTextConversions() {
        var result = sanitize("""
                [{"id": 3, "fallback": "fb", "color": "#AABBcc", "pretext": "<!channel> <https://a.example|A>",
                  "author_name": "ann", "author_link": "https://ann.example", "author_icon": "http://i.example/a.png",
                  "title": "<!here> T", "title_link": "https://t.example/x?y=1", "text": "see <https://b.example|B>",
                  "fields": [{"title": "n", "value": 42, "short": true}, {"title": "s", "value": "<!all> <https://c.example|C>"},
                             {"title": "b", "value": false}, {"title": "none"}],
                  "image_url": "https://img.example/i.png", "thumb_url": "https://img.example/t.png",
                  "footer": "foot", "footer_icon": "https://img.example/f.png", "ts": "1700000000"}]
                """);
        assertThat(result.removed()).isEmpty();
        Map<String, Object> a = result.attachments().get(0);
        assertThat(a).containsEntry("id", 3L)
                .containsEntry("fallback", "fb")
                .containsEntry("color", "#AABBcc")
                .containsEntry("pretext", "@channel [A](https://a.example)")
                .containsEntry("author_link", "https://ann.example")
                .containsEntry("author_icon", "http://i.example/a.png")
                .containsEntry("title", "@here T")
                .containsEntry("title_link", "https://t.example/x?y=1")
                .containsEntry("text", "see [B](https://b.example)")
                .containsEntry("image_url", "https://img.example/i.png")
                .containsEntry("thumb_url", "https://img.example/t.png")
                .containsEntry("footer", "foot")
                .containsEntry("footer_icon", "https://img.example/f.png")
                .containsEntry("ts", "1700000000");
        assertThat(a.get("fields")).isEqualTo(List.of(
                Map.of("title", "n", "value", "42", "short", true),
                Map.of("title", "s", "value", "@all [C](https://c.example)", "short", false),
                Map.of("title", "b", "value", "false", "short", false),
                Map.of("title", "none", "short", false)));
    }

    @Test
    void removesEveryLinkAndImageThatIsNotHttp() {
        var result = sanitize("""
                [{"author_name": "a", "author_link": "javascript:alert(1)", "author_icon": "data:image/png;base64,AA",
                  "title": "t", "title_link": "JavaScript:alert(document.cookie)", "image_url": "//evil.example/i.png",
                  "thumb_url": "ftp://x.example/t.png", "footer_icon": "vbscript:msgbox", "text": "kept"}]
                """);
        Map<String, Object> a = result.attachments().get(0);
        assertThat(a).containsOnlyKeys("author_name", "title", "text");
        assertThat(result.removed()).containsExactly(
                "attachments[0].author_link is not an http(s) URL",
                "attachments[0].author_icon is not an http(s) URL",
                "attachments[0].title_link is not an http(s) URL",
                "attachments[0].image_url is not an http(s) URL",
                "attachments[0].thumb_url is not an http(s) URL",
                "attachments[0].footer_icon is not an http(s) URL");
    }

    @Test
    void linksNeedTheirOwnerField() {
        var result = sanitize("[{\"author_link\": \"https://a.example\", \"title_link\": \"https://t.example\"}]");
        assertThat(result.attachments().get(0)).isEmpty();
        assertThat(result.removed()).containsExactly("attachments[0].author_link needs author_name",
                "attachments[0].title_link needs title");
    }

    @Test
    void removesInvalidColoursAndTimestamps() {
        var result = sanitize("[{\"color\": \"red\", \"ts\": {\"x\": 1}}, {\"color\": \"#12345\"}, {\"color\": \"good\","
                + " \"ts\": 17.5}]");
        assertThat(result.attachments().get(0)).isEmpty();
        assertThat(result.attachments().get(1)).isEmpty();
        assertThat(result.attachments().get(2)).containsEntry("color", "good").containsEntry("ts", 17.5);
        assertThat(result.removed()).hasSize(3).anyMatch(s -> s.contains("color 'red'"))
                .anyMatch(s -> s.contains("ts must be"));
    }

    @Test
    void keepsValidActionsAndNeverTheirCookie() {
        var result = sanitize("""
                [{"actions": [
                  {"id": "a1", "name": "Approve", "type": "button", "style": "primary", "cookie": "forged",
                   "integration": {"url": "https://app.example/approve", "context": {"ticket": 7}}},
                  {"name": "Pick", "type": "select", "options": [{"text": "One", "value": "1"}, {"text": "", "value": "2"}],
                   "default_option": "1", "integration": {"url": "/plugins/jira/pick"}},
                  {"name": "Who", "type": "select", "data_source": "users", "disabled": true,
                   "integration": {"url": "https://app.example/who"}}]}]
                """);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) result.attachments().get(0).get("actions");
        assertThat(actions).hasSize(3);
        assertThat(actions.get(0)).doesNotContainKey("cookie")
                .containsEntry("id", "a1").containsEntry("style", "primary")
                .containsEntry("integration", Map.of("url", "https://app.example/approve", "context", Map.of("ticket", 7)));
        assertThat(actions.get(1).get("options")).isEqualTo(List.of(Map.of("text", "One", "value", "1")));
        assertThat(actions.get(2)).containsEntry("disabled", true).containsEntry("data_source", "users");
        assertThat(result.removed()).containsExactly("attachments[0].actions[1].options[1] needs both text and value");
    }

    @Test
    void removesActionsThatCannotWork() {
        var result = sanitize("""
                [{"actions": [
                  {"name": "x", "type": "button", "integration": {"url": "javascript:alert(1)"}},
                  {"name": "x", "type": "button"},
                  {"type": "button", "integration": {"url": "https://a.example"}},
                  {"name": "x", "type": "link", "integration": {"url": "https://a.example"}},
                  {"name": "x", "type": "select", "integration": {"url": "https://a.example"}},
                  {"name": "x", "type": "select", "data_source": "teams", "integration": {"url": "https://a.example"}},
                  {"name": "x", "type": "button", "options": [{"text": "a", "value": "b"}],
                   "integration": {"url": "https://a.example"}},
                  {"name": "ok", "type": "button", "style": "blink", "integration": {"url": "https://a.example"}}]}]
                """);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) result.attachments().get(0).get("actions");
        assertThat(actions).singleElement().satisfies(a -> assertThat(a).containsEntry("name", "ok")
                .doesNotContainKey("style"));
        assertThat(result.removed()).hasSize(8)
                .anyMatch(s -> s.startsWith("attachments[0].actions[0] removed: its integration url"))
                .anyMatch(s -> s.startsWith("attachments[0].actions[1] removed: it has no integration"))
                .anyMatch(s -> s.startsWith("attachments[0].actions[2] removed: it has no name"))
                .anyMatch(s -> s.contains("style 'blink'"));
    }

    @Test
    void storedPostsGetTheSameRulesInTheSameWordsButNoSlackProcessing() {
        String attachments = """
                [{"title": "<!here>", "title_link": "data:text/html,x", "color": "blue", "text": "<!channel> <https://b.example|B>",
                  "fields": [{"title": "n", "value": 42}],
                  "actions": [{"name": "Go", "type": "button", "tooltip": "Sends it", "integration": {"url": "ftp://x"}},
                              {"name": "Ok", "type": "button", "tooltip": "Confirms", "integration": {"url": "https://ok.example"}}]}]
                """;
        List<MessageAttachment> decoded = new ResponseReader().read("{\"attachments\": " + attachments + "}")
                .orElseThrow().attachments();
        AttachmentSanitizer.Result webhook = sanitize(attachments);
        AttachmentSanitizer.Sanitized stored = AttachmentSanitizer.forStoredPosts().sanitize(decoded.get(0),
                "attachments[0]");

        assertThat(stored.removed()).isEqualTo(webhook.removed()).hasSize(3);
        assertThat(stored.attachment()).containsEntry("title", "<!here>")
                .containsEntry("text", "<!channel> <https://b.example|B>")
                .containsEntry("fields", List.of(Map.of("title", "n", "value", 42, "short", false)));
        assertThat(webhook.attachments().get(0)).containsEntry("title", "@here")
                .containsEntry("text", "@channel [B](https://b.example)")
                .containsEntry("fields", List.of(Map.of("title", "n", "value", "42", "short", false)));
        assertThat(stored.attachment().get("actions")).isEqualTo(webhook.attachments().get(0).get("actions"))
                .isEqualTo(List.of(Map.of("type", "button", "name", "Ok", "tooltip", "Confirms",
                        "integration", Map.of("url", "https://ok.example"))));
    }

    @Test
    void httpUrlRule() {
        assertThat(HttpUrls.isValid("https://example.com")).isTrue();
        assertThat(HttpUrls.isValid("http://my_host:8080/a?b=c#d")).isTrue();
        assertThat(HttpUrls.isValid("https://")).isFalse();
        assertThat(HttpUrls.isValid("https:///path")).isFalse();
        assertThat(HttpUrls.isValid("HTTPS://example.com")).isFalse();
        assertThat(HttpUrls.isValid(" https://example.com")).isFalse();
        assertThat(HttpUrls.isValid("javascript://example.com/%0Aalert(1)")).isFalse();
    }
}
