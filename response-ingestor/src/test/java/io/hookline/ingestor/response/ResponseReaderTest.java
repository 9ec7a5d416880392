package io.hookline.ingestor.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseReaderTest {

    private final ResponseReader reader = new ResponseReader();

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t "})
    void anEmptyBodyIsNoResponse(String body) {
        assertThat(reader.read(body)).isEmpty();
    }

    @Test
    void aNullBodyIsNoResponse() {
        assertThat(reader.read(null)).isEmpty();
    }

    @Test
    void jsonNullAndAnEmptyObjectWantNoPost() {
        assertThat(reader.read("null")).get().satisfies(r -> assertThat(r.wantsPost()).isFalse());
        assertThat(reader.read("{}")).get().satisfies(r -> assertThat(r.wantsPost()).isFalse());
        assertThat(reader.read("{\"attachments\": []}")).get().satisfies(r -> assertThat(r.wantsPost()).isFalse());
        assertThat(reader.read("{\"text\": null}")).get().satisfies(r -> assertThat(r.wantsPost()).isFalse());
    }

    @Test
    void presentTextEvenEmptyWantsAPostAsInMattermost() {
        assertThat(reader.read("{\"text\": \"\"}").orElseThrow().wantsPost()).isTrue();
        assertThat(reader.read("{\"attachments\": [{}]}").orElseThrow().wantsPost()).isTrue();
    }

    @Test
    void readsEveryField() {
        WebhookResponse r = reader.read("""
                {"text": "hi", "username": "u", "icon_url": "https://i.example/i.png", "props": {"a": 1},
                 "type": "custom_x", "response_type": "comment",
                 "priority": {"priority": "urgent", "requested_ack": true, "persistent_notifications": false},
                 "attachments": [null, {"id": 7, "title": "t", "fields": [{"title": "f", "value": 3, "short": "true"}],
                                  "ts": 123, "actions": [{"name": "go", "type": "button",
                                  "integration": {"url": "https://a.example", "context": {"k": "v"}}}]}]}
                """).orElseThrow();
        assertThat(r.text()).isEqualTo("hi");
        assertThat(r.username()).isEqualTo("u");
        assertThat(r.iconUrl()).isEqualTo("https://i.example/i.png");
        assertThat(r.props()).containsEntry("a", 1);
        assertThat(r.type()).isEqualTo("custom_x");
        assertThat(r.isComment()).isTrue();
        assertThat(r.priority()).isEqualTo(new WebhookResponse.Priority("urgent", true, false));
        assertThat(r.attachments()).hasSize(1);
        MessageAttachment a = r.attachments().get(0);
        assertThat(a.id()).isEqualTo(7);
        assertThat(a.fields().get(0).isShort()).isTrue();
        assertThat(a.fields().get(0).value().intValue()).isEqualTo(3);
        assertThat(a.actions().get(0).integration().context()).containsEntry("k", "v");
    }

    @Test
    void keysMatchCaseInsensitivelyAndTheLastOneWinsLikeGo() {
        WebhookResponse r = reader.read("{\"Text\": \"first\", \"TEXT\": \"second\", \"Response_Type\": \"comment\"}")
                .orElseThrow();
        assertThat(r.text()).isEqualTo("second");
        assertThat(r.isComment()).isTrue();
    }

    /** Each expectation is what Go decoded from the same body (src/test/go/decode, go-decode.tsv). */
    @Test
    void aRepeatedKeyIsDecodedAgainIntoTheSameFieldLikeGo() {
        assertThat(reader.read("{\"text\": \"a\", \"text\": null}").orElseThrow().text()).isNull();
        assertThat(reader.read("{\"username\": \"a\", \"username\": null}").orElseThrow().username())
                .isEqualTo("a");
        assertThat(reader.read("{\"props\": {\"a\": 1}, \"props\": {\"b\": 2}}").orElseThrow().props())
                .isEqualTo(Map.of("a", 1, "b", 2));
        assertThat(reader.read("{\"props\": {\"a\": 1}, \"props\": null, \"props\": {\"b\": 2}}").orElseThrow()
                .props()).isEqualTo(Map.of("b", 2));
        assertThat(reader.read("{\"priority\": {\"priority\": \"urgent\"}, \"priority\": {\"requested_ack\": true}}")
                .orElseThrow().priority()).isEqualTo(new WebhookResponse.Priority("urgent", true, null));
        assertThat(reader.read("{\"priority\": {\"priority\": \"urgent\"}, \"priority\": null}").orElseThrow()
                .priority()).isNull();
        MessageAttachment merged = reader.read("{\"attachments\": [{\"title\": \"t\", \"fields\": [{\"title\": \"f\"}]}],"
                + " \"attachments\": [{\"text\": \"x\"}]}").orElseThrow().attachments().get(0);
        assertThat(merged.title()).isEqualTo("t");
        assertThat(merged.text()).isEqualTo("x");
        assertThat(merged.fields()).extracting(MessageAttachment.Field::title).containsExactly("f");
        assertThat(reader.read("{\"attachments\": [{\"title\": \"t\"}, {\"title\": \"u\"}], \"attachments\": [null]}")
                .orElseThrow().attachments()).isEmpty();
    }

    @Test
    void everyOccurrenceOfARepeatedKeyIsTypeChecked() {
        assertThatThrownBy(() -> reader.read("{\"text\": 5, \"text\": \"a\"}"))
                .hasMessage("text must be a string, got a number");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"fields\": [{\"short\": 1}]}], \"attachments\": []}"))
                .hasMessage("attachments[0].fields[0].short must be true, false, \"true\" or \"false\", got a number");
        assertThatThrownBy(() -> reader.read("{\"props\": {\"a\": 1e400, \"a\": 1}}"))
                .hasMessage("props holds a number too large for a float64");
    }

    @Test
    void trailingDataAfterTheFirstValueIsIgnoredLikeGosDecoder() {
        assertThat(reader.read("{\"text\": \"a\"} trailing {garbage").orElseThrow().text()).isEqualTo("a");
    }

    @Test
    void invalidJsonIsRejectedWithTheReason() {
        assertThatThrownBy(() -> reader.read("{\"text\": "))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageStartingWith("the response body is not valid JSON");
        assertThatThrownBy(() -> reader.read("<html>oops</html>"))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("(line 1, column 1)");
        assertThatThrownBy(() -> reader.read("tok_abcdefghijklmnopqrstuvwxyz"))
                .hasMessageNotContaining("abcdefghijklmnopqrstuvwxyz")
                .hasMessageContaining("'...'");
    }

    @Test
    void aBodyThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> reader.read("[1, 2]"))
                .isInstanceOf(ResponseFormatException.class)
                .hasMessage("the response body must be a JSON object, got an array");
        assertThatThrownBy(() -> reader.read("\"text\""))
                .hasMessage("the response body must be a JSON object, got a string");
    }

    @Test
    void aKnownFieldOfTheWrongTypeIsRejectedNamingIt() {
        assertThatThrownBy(() -> reader.read("{\"text\": 5}")).hasMessage("text must be a string, got a number");
        assertThatThrownBy(() -> reader.read("{\"props\": []}")).hasMessage("props must be an object, got an array");
        assertThatThrownBy(() -> reader.read("{\"attachments\": {}}"))
                .hasMessage("attachments must be an array, got an object");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"title\": true}]}"))
                .hasMessage("attachments[0].title must be a string, got a boolean");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"id\": 1.5}]}"))
                .hasMessage("attachments[0].id must be a whole number, got a number");
        assertThatThrownBy(() -> reader.read("{\"priority\": {\"requested_ack\": \"yes\"}}"))
                .hasMessage("priority.requested_ack must be true or false, got a string");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"actions\": [{\"integration\": 3}]}]}"))
                .hasMessage("attachments[0].actions[0].integration must be an object, got a number");
    }

    @Test
    void fieldShortIsASlackCompatibleBool() {
        assertThat(reader.read("{\"attachments\": [{\"fields\": [{\"short\": \"TRUE\"}, {\"short\": \"false\"},"
                + " {\"short\": true}, {}]}]}").orElseThrow().attachments().get(0).fields())
                .extracting(MessageAttachment.Field::isShort).containsExactly(true, false, true, false);
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"fields\": [{\"short\": \"yes\"}]}]}"))
                .hasMessage("attachments[0].fields[0].short must be true, false, \"true\" or \"false\", got a string");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"fields\": [{\"short\": 1}]}]}"))
                .isInstanceOf(ResponseFormatException.class);
    }

    @Test
    void nestedFieldsOfTheWrongTypeAreNamedByTheirWholePath() {
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{}, {\"fields\": {}}]}"))
                .hasMessage("attachments[1].fields must be an array, got an object");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"actions\": [{\"disabled\": \"no\"}]}]}"))
                .hasMessage("attachments[0].actions[0].disabled must be true or false, got a string");
        assertThatThrownBy(() -> reader.read(
                "{\"attachments\": [{\"actions\": [{\"options\": [{\"text\": \"a\", \"value\": 1}]}]}]}"))
                .hasMessage("attachments[0].actions[0].options[0].value must be a string, got a number");
        assertThatThrownBy(() -> reader.read(
                "{\"attachments\": [{\"actions\": [{\"integration\": {\"context\": [1]}}]}]}"))
                .hasMessage("attachments[0].actions[0].integration.context must be an object, got an array");
        assertThatThrownBy(() -> reader.read("{\"priority\": {\"priority\": false}}"))
                .hasMessage("priority.priority must be a string, got a boolean");
    }

    @Test
    void nullElementsAreLeftOutExceptOptionsWhichStayEmpty() {
        MessageAttachment attachment = reader.read("{\"attachments\": [null, {\"fields\": [null, {\"title\": \"t\"}],"
                + " \"actions\": [null, {\"name\": \"n\", \"options\": [null, {\"text\": \"x\", \"value\": \"y\"}],"
                + " \"integration\": {\"url\": \"https://a.example/x\", \"context\": {\"k\": 1}}}]}]}")
                .orElseThrow().attachments().get(0);
        assertThat(reader.read("{\"attachments\": [null, {}]}").orElseThrow().attachments()).hasSize(1);
        assertThat(attachment.fields()).extracting(MessageAttachment.Field::title).containsExactly("t");
        assertThat(attachment.actions()).hasSize(1);
        MessageAttachment.Action action = attachment.actions().get(0);
        assertThat(action.options()).containsExactly(new MessageAttachment.Option("", ""),
                new MessageAttachment.Option("x", "y"));
        assertThat(action.integration().context()).containsEntry("k", 1);
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(reader.read("{\"text\": \"a\", \"blocks\": [1], \"channel\": 5}").orElseThrow().text())
                .isEqualTo("a");
    }
}
