package io.hookline.dispatcher.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.dispatcher.TestTriggers;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.trigger.WebhookPayload;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackBodyTest {

    @Test
    void jsonHasTheTwelveFieldsInMattermostOrderWithMillisecondTimestamp() throws Exception {
        CallbackBody body = CallbackBody.of("application/json", TestTriggers.payload());
        assertThat(body.contentType()).isEqualTo("application/json");
        JsonNode json = Json.mapper().readTree(body.bytes());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("token", "team_id", "team_domain", "channel_id", "channel_name",
                "timestamp", "user_id", "user_name", "post_id", "text", "trigger_word", "file_ids");
        assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(json.get("timestamp").asLong()).isEqualTo(1764150000123L);
        assertThat(json.get("token").asText()).isEqualTo("tok3n26charsxxxxxxxxxxxxxx");
        assertThat(json.get("file_ids").asText()).isEqualTo("f1,f2");
        assertThat(json.get("text").asText()).isEqualTo("bug login fails & more");
    }

    @Test
    void jsonBytesAreWhatTheSharedMapperWritesForTheSameFields() throws Exception {
        // text with quotes, a backslash, a control character and non-ASCII: the escaping must match the mapper's
        WebhookPayload p = new WebhookPayload("tok", "team", "dom", "chan", "town", 42L, "user", "\u00e9l\u00e8ve",
                "post", "say \"hi\" \\ to\u0001 \u2603 \ud83d\ude00", "say", "");
        ObjectNode expected = Json.mapper().createObjectNode();
        expected.put("token", "tok").put("team_id", "team").put("team_domain", "dom").put("channel_id", "chan")
                .put("channel_name", "town").put("timestamp", 42L).put("user_id", "user")
                .put("user_name", "\u00e9l\u00e8ve").put("post_id", "post")
                .put("text", "say \"hi\" \\ to\u0001 \u2603 \ud83d\ude00").put("trigger_word", "say")
                .put("file_ids", "");
        assertThat(new String(CallbackBody.of("application/json", p).bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(Json.mapper().writeValueAsBytes(expected), StandardCharsets.UTF_8));
    }

    @Test
    void anyOtherContentTypeIsFormEncodedWithSecondTimestamp() {
        for (String type : new String[] {"", "application/x-www-form-urlencoded", "text/plain", "application/JSON"}) {
            CallbackBody body = CallbackBody.of(type, TestTriggers.payload());
            assertThat(body.contentType()).isEqualTo("application/x-www-form-urlencoded");
            Map<String, String> fields = parseForm(new String(body.bytes(), StandardCharsets.UTF_8));
            assertThat(fields).containsOnlyKeys("token", "team_id", "team_domain", "channel_id", "channel_name",
                    "timestamp", "user_id", "user_name", "post_id", "text", "trigger_word", "file_ids");
            assertThat(fields).containsEntry("timestamp", "1764150000").containsEntry("file_ids", "f1,f2")
                    .containsEntry("text", "bug login fails & more").containsEntry("user_name", "alice");
        }
    }

    @Test
    void formKeysAreSortedLikeGoUrlValuesEncode() {
        String form = new String(CallbackBody.of("", TestTriggers.payload()).bytes(), StandardCharsets.UTF_8);
        List<String> keys = new ArrayList<>(parseForm(form).keySet());
        assertThat(keys).isSorted();
        assertThat(form).contains("text=bug+login+fails+%26+more");
    }

    static Map<String, String> parseForm(String form) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
