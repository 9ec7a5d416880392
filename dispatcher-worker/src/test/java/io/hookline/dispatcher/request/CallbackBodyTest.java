package io.hookline.dispatcher.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
        CallbackBody body = CallbackBody.of("application/json", TestTriggers.payload().withToken(TestTriggers.TOKEN));
        assertThat(body.contentType()).isEqualTo("application/json");
        JsonNode json = Json.mapper().readTree(body.bytes());
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("token", "team_id", "team_domain", "channel_id", "channel_name",
                "timestamp", "user_id", "user_name", "post_id", "text", "trigger_word", "file_ids");
        assertThat(json.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(json.get("timestamp").asLong()).isEqualTo(1764150000123L);
        assertThat(json.get("token").asText()).isEqualTo(TestTriggers.TOKEN);
        assertThat(json.get("file_ids").asText()).isEqualTo("f1,f2");
        assertThat(json.get("text").asText()).isEqualTo("bug login fails & more");
    }

    /** The values of {@code go-bodies.go}, whose output ({@code go-body.json}, {@code go-body.form}) is Go's. */
    static final String TRICKY = "a b+c&d=e~f*g'h(i)j!k/l?m#n%o\"p<q>r\\s\tt\nu\r\u0001\u001f\u007f "
            + "\u00e9 \u65e5\u672c \ud83d\ude00 \u2028\u2029 ;:@$,[]{}|^` -_.";
    static final WebhookPayload TRICKY_PAYLOAD = new WebhookPayload("t<o>&k", "team", "dom", "chan", "town-square",
            1764150000123L, "user", "\u00e9l\u00e8ve", "post", TRICKY, "a", "f1,f2");

    @Test
    void jsonBytesAreGoEncodingJsonBytes() throws Exception {
        assertThat(CallbackBody.of("application/json", TRICKY_PAYLOAD).bytes()).isEqualTo(goOutput("go-body.json"));
    }

    @Test
    void formBytesAreGoUrlValuesEncodeBytes() throws Exception {
        assertThat(CallbackBody.of("", TRICKY_PAYLOAD).bytes()).isEqualTo(goOutput("go-body.form"));
    }

    @Test
    void jsonEscapesBackspaceAndFormFeedShortAsGo122Does() {
        // Mattermost builds with Go 1.22+, whose encoder writes \b and \f (older Go wrote \u0008 and \u000c)
        WebhookPayload p = new WebhookPayload("", "", "", "", "", 0, "", "", "", "\b\f\u000b", "", "");
        assertThat(new String(CallbackBody.of("application/json", p).bytes(), StandardCharsets.UTF_8))
                .contains("\"text\":\"\\b\\f\\u000b\"");
    }

    @Test
    void anUnpairedSurrogateIsSentAsTheReplacementCharacterAsGoDecodedIt() {
        WebhookPayload p = new WebhookPayload("", "", "", "", "", 0, "", "", "", "x\ud800y\udc00", "", "");
        assertThat(new String(CallbackBody.of("application/json", p).bytes(), StandardCharsets.UTF_8))
                .contains("\"text\":\"x\ufffdy\ufffd\"");
        assertThat(new String(CallbackBody.of("", p).bytes(), StandardCharsets.US_ASCII))
                .contains("text=x%EF%BF%BDy%EF%BF%BD&");
    }

    private static byte[] goOutput(String name) throws Exception {
        try (var in = CallbackBodyTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
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
