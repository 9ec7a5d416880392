package io.hookline.ingestor.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code json.Unmarshal} into Mattermost's {@code PostActionIntegrationResponse}, rule by rule. */
class ActionResponseReaderTest {

    private final ActionResponseReader reader = new ActionResponseReader();

    @Test
    void allThreeFieldsAreRead() {
        PostActionIntegrationResponse r = reader.read("{\"update\": {\"message\": \"m\", \"props\": {\"a\": 1}, "
                + "\"file_ids\": [\"f1\"], \"metadata\": {\"priority\": {\"priority\": \"urgent\"}}}, "
                + "\"ephemeral_text\": \"t\", \"skip_slack_parsing\": true}");
        assertThat(r.update()).isEqualTo(new PostActionIntegrationResponse.PostUpdate("m", Map.of("a", 1),
                List.of("f1"), Map.of("priority", Map.of("priority", "urgent"))));
        assertThat(r.ephemeralText()).isEqualTo("t");
        assertThat(r.skipSlackParsing()).isTrue();
    }

    @Test
    void keysMatchIgnoringCaseAndUnknownKeysAreIgnored() {
        PostActionIntegrationResponse r = reader.read("{\"Ephemeral_Text\": \"t\", \"UPDATE\": {\"Message\": \"m\"},"
                + " \"goto_location\": \"https://x\", \"error\": {\"message\": \"e\"}}");
        assertThat(r.ephemeralText()).isEqualTo("t");
        assertThat(r.update().message()).isEqualTo("m");
    }

    @Test
    void anEmptyUpdateIsAnUpdateAndANullOneIsNone() {
        assertThat(reader.read("{\"update\": {}}").update())
                .isEqualTo(new PostActionIntegrationResponse.PostUpdate("", null, null, null));
        assertThat(reader.read("{\"update\": null}").update()).isNull();
        assertThat(reader.read("{\"update\": {\"message\": \"m\"}, \"update\": null}").update()).isNull();
    }

    @Test
    void aRepeatedKeyMergesAsGoDoes() {
        PostActionIntegrationResponse r = reader.read("{\"update\": {\"message\": \"a\", \"props\": {\"x\": 1}}, "
                + "\"update\": {\"props\": {\"y\": 2}}, \"ephemeral_text\": \"1\", \"ephemeral_text\": \"2\"}");
        assertThat(r.update().message()).isEqualTo("a");
        assertThat(r.update().props()).isEqualTo(Map.of("x", 1, "y", 2));
        assertThat(r.ephemeralText()).isEqualTo("2");
        assertThatThrownBy(() -> reader.read("{\"ephemeral_text\": 1, \"ephemeral_text\": \"2\"}"))
                .hasMessageContaining("ephemeral_text must be a string");
    }

    @Test
    void fileIdsAreStringsAndANullElementKeepsWhatWasThere() {
        assertThat(reader.read("{\"update\": {\"file_ids\": [\"a\", null]}}").update().fileIds())
                .isEqualTo(List.of("a", ""));
        assertThat(reader.read("{\"update\": {\"file_ids\": [\"a\", \"b\"], \"file_ids\": [null]}}").update()
                .fileIds()).isEqualTo(List.of("a"));
        assertThat(reader.read("{\"update\": {\"file_ids\": null}}").update().fileIds()).isNull();
        assertThatThrownBy(() -> reader.read("{\"update\": {\"file_ids\": [1]}}"))
                .hasMessage("update.file_ids[0] must be a string, got a number");
        assertThatThrownBy(() -> reader.read("{\"update\": {\"file_ids\": \"f\"}}"))
                .hasMessage("update.file_ids must be an array of strings, got a string");
    }

    @Test
    void everyFieldOfThePostIsTypeChecked() {
        for (String bad : Arrays.asList("{\"id\": 1}", "{\"is_pinned\": \"yes\"}", "{\"reply_count\": 1.5}",
                "{\"remote_id\": 5}", "{\"participants\": {}}", "{\"participants\": [1]}", "{\"metadata\": []}",
                "{\"create_at\": 1e3}", "{\"props\": \"x\"}")) {
            assertThatThrownBy(() -> reader.read("{\"update\": " + bad + "}")).as(bad)
                    .isInstanceOf(ResponseFormatException.class).hasMessageStartingWith("update.");
        }
        assertThat(reader.read("{\"update\": {\"remote_id\": null, \"participants\": null, \"is_pinned\": null}}")
                .update()).isNotNull();
    }

    @Test
    void theBodyMustBeOneJsonValue() {
        assertThat(reader.read("")).isEqualTo(PostActionIntegrationResponse.none());
        assertThat(reader.read(" null ")).isEqualTo(PostActionIntegrationResponse.none());
        assertThat(reader.read(" {} \n")).isEqualTo(PostActionIntegrationResponse.none());
        for (String bad : Arrays.asList(" ", "{}x", "{} {}", "{\"update\": ", "\"text\"", "17", "{'a': 1}")) {
            assertThatThrownBy(() -> reader.read(bad)).as(bad).isInstanceOf(ResponseFormatException.class);
        }
    }

    @Test
    void theInputIsNeverQuotedInTheReason() {
        assertThatThrownBy(() -> reader.read("{\"ephemeral_text\": secrettoken}"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secrettoken"));
    }
}
