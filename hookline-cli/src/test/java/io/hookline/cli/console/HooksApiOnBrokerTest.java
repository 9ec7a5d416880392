package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.IsolatedConfig;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Hooks page's API on the real broker: the CLI's validation, conflict rule and messages at their fields; token
 * and signing secret only in the answer that creates or replaces them.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HooksApiOnBrokerTest {

    static final String TEAM = "engineering000000000000001";
    static final String CHANNEL = "townsquare0000000000000001";
    static final String BOT = "pongbot0000000000000000001";

    private Console console;
    private ConsoleClient client;

    @BeforeEach
    void start(KafkaBroker broker) {
        console = Console.start(new IsolatedConfig(broker).config(), List.of());
        client = new ConsoleClient(console.url());
    }

    @AfterEach
    void stop() {
        console.close();
    }

    static Map<String, Object> hook(String word, String url) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("team_id", TEAM);
        form.put("channel_id", CHANNEL);
        form.put("trigger_words", List.of(word));
        form.put("trigger_when", "exact");
        form.put("callback_urls", List.of(url));
        form.put("creator_id", BOT);
        form.put("display_name", "Pong bot");
        return form;
    }

    @Test
    void aHookIsCreatedListedEditedRegeneratedRotatedAndDeletedWithItsSecretsShownOnce() throws Exception {
        ConsoleClient.Answer created = client.post("/api/hooks", hook("ping", "http://127.0.0.1:8065/hook"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.text("id");
        String token = created.text("token");
        assertThat(token).hasSize(26);
        assertThat(created.text("signing_secret")).startsWith("whsec_").doesNotContain("*");

        ConsoleClient.Answer list = client.get("/api/hooks");
        assertThat(list.status()).isEqualTo(200);
        JsonNode listed = findHook(list.get("hooks"), id);
        assertThat(listed.get("status").asText()).isEqualTo("live");
        assertThat(listed.get("token").asText()).isEqualTo("****");
        assertThat(listed.get("signing_secret").asText()).isEqualTo("whsec_****");
        assertThat(list.body()).doesNotContain(token).doesNotContain(created.text("signing_secret"));

        Map<String, Object> edit = new LinkedHashMap<>();
        edit.put("display_name", "Pong bot 2");
        edit.put("trigger_words", List.of("ping", "pong"));
        ConsoleClient.Answer edited = client.put("/api/hooks/" + id, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.text("display_name")).isEqualTo("Pong bot 2");
        assertThat(edited.text("token")).isEqualTo("****");
        assertThat(client.get("/api/hooks/" + id).get("trigger_words").toString()).isEqualTo("[\"ping\",\"pong\"]");

        ConsoleClient.Answer teamChange = client.put("/api/hooks/" + id, Map.of("team_id", TEAM));
        assertThat(teamChange.status()).isEqualTo(400);
        assertThat(teamChange.text("field")).isEqualTo("team_id");

        ConsoleClient.Answer regenerated = client.post("/api/hooks/" + id + "/regen-token", Map.of());
        assertThat(regenerated.status()).as(regenerated.body()).isEqualTo(200);
        assertThat(regenerated.text("token")).hasSize(26).isNotEqualTo(token);
        assertThat(regenerated.text("signing_secret")).isEqualTo("whsec_****");

        ConsoleClient.Answer badGrace = client.post("/api/hooks/" + id + "/rotate-secret", Map.of("grace", "24"));
        assertThat(badGrace.status()).isEqualTo(400);
        assertThat(badGrace.errorAt("grace")).contains("has no unit");
        ConsoleClient.Answer rotated = client.post("/api/hooks/" + id + "/rotate-secret", Map.of("grace", "1h"));
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.text("signing_secret")).startsWith("whsec_").isNotEqualTo(created.text("signing_secret"))
                .doesNotContain("*");
        assertThat(rotated.text("previous_signing_secret")).isEqualTo("whsec_****");
        assertThat(rotated.text("token")).isEqualTo("****");

        ConsoleClient.Answer deleted = client.delete("/api/hooks/" + id);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        ConsoleClient.Answer gone = client.get("/api/hooks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.text("error")).contains("no live hook with id '" + id + "'");
        assertThat(client.delete("/api/hooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void anInvalidOrConflictingHookIsRefusedWithTheClisMessagesAtTheirFields() throws Exception {
        Map<String, Object> invalid = hook("ping", "ftp://127.0.0.1/hook");
        invalid.put("team_id", "short");
        invalid.put("channel_id", "");
        invalid.put("trigger_words", List.of());
        ConsoleClient.Answer refused = client.post("/api/hooks", invalid);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("error")).startsWith("the hook is not valid, nothing was written:");
        assertThat(refused.errorAt("team_id")).startsWith("must be ");
        assertThat(refused.errorAt("callback_urls")).contains("'ftp://127.0.0.1/hook' is not an http:// or https://");
        assertThat(refused.errorAt("trigger_words"))
                .isEqualTo("at least one trigger word is required when channel_id is empty");
        List<String> fields = new ArrayList<>();
        refused.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("team_id", "callback_urls", "trigger_words");
        assertThat(findHookOrNull(client.get("/api/hooks").get("hooks"), "short")).isNull();

        ConsoleClient.Answer wrongWhen = client.post("/api/hooks", Map.of("trigger_when", "sometimes"));
        assertThat(wrongWhen.status()).isEqualTo(400);
        assertThat(wrongWhen.text("field")).isEqualTo("trigger_when");
        ConsoleClient.Answer wrongType = client.post("/api/hooks", Map.of("trigger_words", "ping"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.text("field")).isEqualTo("trigger_words");

        assertThat(client.post("/api/hooks", hook("deploy", "http://127.0.0.1:8065/deploy")).status())
                .isEqualTo(201);
        ConsoleClient.Answer conflict = client.post("/api/hooks", hook("deploy", "http://127.0.0.1:8065/deploy"));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.text("error")).contains("already has one of these callback URLs and one of these "
                + "trigger words; nothing was written");
        assertThat(conflict.errorAt("callback_urls")).isEqualTo(conflict.text("error"));
    }

    private static JsonNode findHook(JsonNode hooks, String id) {
        JsonNode hook = findHookOrNull(hooks, id);
        assertThat(hook).as("hook %s in %s", id, hooks).isNotNull();
        return hook;
    }

    private static JsonNode findHookOrNull(JsonNode hooks, String id) {
        for (JsonNode h : hooks) {
            if (id.equals(h.get("id").asText())) {
                return h;
            }
        }
        return null;
    }
}
