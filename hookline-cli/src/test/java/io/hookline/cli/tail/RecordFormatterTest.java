package io.hookline.cli.tail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class RecordFormatterTest {

    private static ConsumerRecord<byte[], byte[]> record(byte[] key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>("post-commands", 3, 17, 1_764_150_000_000L, TimestampType.CREATE_TIME,
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode line(RecordFormatter f, ConsumerRecord<byte[], byte[]> r) throws Exception {
        String text = f.format(r);
        assertThat(text).doesNotContain("\n");
        return Json.mapper().readTree(text);
    }

    @Test
    void jsonValueIsEmbeddedWithCoordinatesKeyAndHeaders() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("hookline.dlq.stage", utf8("matcher"));
        headers.add("binary", new byte[] {(byte) 0xff, 0});
        JsonNode line = line(new RecordFormatter(false), record(utf8("chan1"),
                utf8("{\"type\":\"create_post\",\"post\":{\"message\":\"pong\"}}"), headers));

        assertThat(line.get("topic").asText()).isEqualTo("post-commands");
        assertThat(line.get("partition").asInt()).isEqualTo(3);
        assertThat(line.get("offset").asLong()).isEqualTo(17);
        assertThat(line.get("timestamp").asLong()).isEqualTo(1_764_150_000_000L);
        assertThat(line.get("key").asText()).isEqualTo("chan1");
        assertThat(line.get("headers").get("hookline.dlq.stage").asText()).isEqualTo("matcher");
        assertThat(line.get("headers").get("binary").asText()).isEqualTo("base64:/wA=");
        assertThat(line.get("value").get("post").get("message").asText()).isEqualTo("pong");
        assertThat(line.has("value_encoding")).isFalse();
    }

    @Test
    void textAndBinaryValuesAreMarked() throws Exception {
        RecordFormatter f = new RecordFormatter(false);
        JsonNode text = line(f, record(null, utf8("not {json"), new RecordHeaders()));
        assertThat(text.get("key").isNull()).isTrue();
        assertThat(text.get("value").asText()).isEqualTo("not {json");
        assertThat(text.get("value_encoding").asText()).isEqualTo("text");

        JsonNode binary = line(f, record(new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xc3, 0x28}, new RecordHeaders()));
        assertThat(binary.get("key").asText()).isEqualTo("ww==");
        assertThat(binary.get("key_encoding").asText()).isEqualTo("base64");
        assertThat(binary.get("value").asText()).isEqualTo("wyg=");
        assertThat(binary.get("value_encoding").asText()).isEqualTo("base64");

        JsonNode tombstone = line(f, record(utf8("hook1"), null, new RecordHeaders()));
        assertThat(tombstone.get("value").isNull()).isTrue();
    }

    @Test
    void secretsAreMaskedAtAnyDepthUnlessAskedFor() throws Exception {
        String value = "{\"token\":\"tok123\",\"signing_secret\":\"whsec_abc\",\"description\":\"token rotation\","
                + "\"payload\":{\"token\":\"tok123\",\"text\":\"ping\"},\"signing_secrets\":[\"whsec_a\",\"whsec_b\"],"
                + "\"empty\":{\"token\":\"\"}}";
        JsonNode masked = line(new RecordFormatter(false), record(utf8("k"), utf8(value), new RecordHeaders())).get("value");
        assertThat(masked.toString()).doesNotContain("tok123", "whsec_");
        assertThat(masked.get("token").asText()).isEqualTo("****");
        assertThat(masked.get("signing_secret").asText()).isEqualTo("****");
        assertThat(masked.get("payload").get("token").asText()).isEqualTo("****");
        assertThat(masked.get("payload").get("text").asText()).isEqualTo("ping");
        assertThat(masked.get("signing_secrets")).hasSize(2).allSatisfy(s -> assertThat(s.asText()).isEqualTo("****"));
        assertThat(masked.get("description").asText()).isEqualTo("token rotation");
        assertThat(masked.get("empty").get("token").asText()).isEmpty();

        JsonNode shown = line(new RecordFormatter(true), record(utf8("k"), utf8(value), new RecordHeaders()))
                .get("value");
        assertThat(shown.get("token").asText()).isEqualTo("tok123");
        assertThat(shown.get("signing_secrets").get(1).asText()).isEqualTo("whsec_b");
    }

    @Test
    void callbackUrlPasswordsAreMaskedInHooksTriggersAndTextUnlessAskedFor() throws Exception {
        String value = "{\"callback_urls\":[\"https://relay:hunter2@h.example/in\",\"https://h.example/x\"],"
                + "\"trigger\":{\"callback_url\":\"http://k3y@h.example/in\"},\"error\":\"POST https://u:hunter2@h/ "
                + "failed\"}";
        JsonNode masked = line(new RecordFormatter(false), record(utf8("k"), utf8(value), new RecordHeaders()))
                .get("value");
        assertThat(masked.toString()).doesNotContain("hunter2", "k3y");
        assertThat(masked.get("callback_urls").get(0).asText()).isEqualTo("https://relay:****@h.example/in");
        assertThat(masked.get("callback_urls").get(1).asText()).isEqualTo("https://h.example/x");
        assertThat(masked.get("trigger").get("callback_url").asText()).isEqualTo("http://****@h.example/in");
        JsonNode text = line(new RecordFormatter(false), record(utf8("k"), utf8("not json https://u:hunter2@h/"),
                new RecordHeaders()));
        assertThat(text.get("value").asText()).isEqualTo("not json https://u:****@h/");
        JsonNode shown = line(new RecordFormatter(true), record(utf8("k"), utf8(value), new RecordHeaders()))
                .get("value");
        assertThat(shown.get("callback_urls").get(0).asText()).isEqualTo("https://relay:hunter2@h.example/in");
    }

    @Test
    void theReplacedSecretOfARotationIsMaskedToo() throws Exception {
        String value = "{\"signing_secret\":\"whsec_new\",\"previous_signing_secret\":\"whsec_old\","
                + "\"previous_signing_secret_expires_at\":1764150000000}";
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("webhook-configs", 0, 3, "k".getBytes(
                StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
        String line = new RecordFormatter(false).format(r);
        assertThat(line).doesNotContain("whsec_old", "whsec_new").contains("\"previous_signing_secret_expires_at\":"
                + "1764150000000");
        assertThat(new RecordFormatter(true).format(r)).contains("whsec_old");
    }

    @Test
    void theIntegrationSecretsShowOnlyTheirKindUnlessAskedFor() throws Exception {
        String value = "{\"kind\":\"asymmetric_signing_key\",\"value\":{\"ecdsa_key\":{\"curve\":\"P-256\","
                + "\"x\":1,\"y\":2,\"d\":424242}},\"created_at\":1764150000000}";
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("hl-integration-secrets", 0, 0, utf8("k"), utf8(value));
        RecordFormatter hiding = new RecordFormatter(false, Set.of("hl-integration-secrets"));
        JsonNode line = Json.mapper().readTree(hiding.format(r));
        assertThat(line.get("value").get("kind").asText()).isEqualTo("asymmetric_signing_key");
        assertThat(line.get("value").get("value").asText()).isEqualTo("****");
        assertThat(line.get("value").get("created_at").asLong()).isEqualTo(1764150000000L);
        assertThat(hiding.format(new ConsumerRecord<>("hl-integration-secrets", 0, 1, utf8("k"), utf8("raw key"))))
                .contains("\"value\":\"****\"").doesNotContain("raw key");
        assertThat(new RecordFormatter(true, Set.of("hl-integration-secrets")).format(r)).contains("424242");
        assertThat(new RecordFormatter(false).format(r)).as("only the topics named are secret").contains("424242");
    }

    @Test
    void anInteractionsOutcomeShowsItsInteractionInPlaceOfATrigger() throws Exception {
        InteractionEvent click = new InteractionEvent(InteractionEvent.POST_ACTION, "click0000000000000000000001",
                "action1", "", null, "", "", "", "", null, false, "", null, null, null);
        DeliveryOutcome outcome = DeliveryOutcome.ofInteraction(new InteractionCall(click, null, "", null),
                DeliveryOutcome.FAILED, 500, null, null, "HTTP 500", List.of(), 200);
        ConsumerRecord<byte[], byte[]> r = new ConsumerRecord<>("webhook-responses", 0, 5, utf8("chan1"),
                Json.mapper().writeValueAsBytes(outcome));
        JsonNode value = line(new RecordFormatter(false, Set.of("integration-secrets")), r).get("value");
        assertThat(value.get("delivery_id").asText()).isEqualTo("click0000000000000000000001");
        assertThat(value.has("trigger")).isFalse();
        assertThat(value.get("status").asText()).isEqualTo("failed");
        assertThat(value.get("interaction").get("event").get("type").asText()).isEqualTo("post_action");
        assertThat(value.get("interaction").get("event").get("action_id").asText()).isEqualTo("action1");
    }
}
