package io.hookline.integrationapi.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.integrationapi.api.CommandWriter;
import io.hookline.integrationapi.api.IntegrationApi;
import io.hookline.runtime.http.HttpListener;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.serde.Json;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The integration API over HTTP on 127.0.0.1 with the command writer in memory: every refusal of {@code open} (§4.6),
 * every trigger id failure (§3.3) through HTTP with Mattermost's exact error body, the open_dialog command it writes,
 * and the client configuration.
 */
class IntegrationApiHttpTest {

    private static final String USER = "u8wqjxkh1bfy8b3y3adhd4ancs";
    private static final String CLIENT_TRIGGER = Ids.deterministic("interaction-1", "trigger");
    private static final Duration LIFETIME = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private final IntegrationSecrets secrets = IntegrationSecrets.generate();
    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final TriggerIds triggerIds = new TriggerIds(secrets, LIFETIME, clock);
    private final List<Written> written = new ArrayList<>();
    private final AtomicReference<CommandWriter.NotWritten> writeFailure = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiHttpServer server;

    private record Written(String key, PostCommand command) {
    }

    @BeforeEach
    void start() throws Exception {
        CommandWriter writer = (key, command) -> {
            if (writeFailure.get() != null) {
                throw writeFailure.get();
            }
            synchronized (written) {
                written.add(new Written(key, command));
            }
        };
        IntegrationApi api = new IntegrationApi(triggerIds, secrets.publicKeyBase64(), writer);
        server = ApiHttpServer.start(HttpListener.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                api, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String triggerId() {
        return triggerIds.mint(CLIENT_TRIGGER, USER).triggerId();
    }

    private static String openBody(String triggerId, String url, String dialog) {
        return "{\"trigger_id\":" + Json.mapper().getNodeFactory().textNode(triggerId) + ",\"url\":\"" + url
                + "\",\"dialog\":" + dialog + "}";
    }

    private static final String DIALOG = """
            {"callback_id":"new-ticket","title":"Create ticket","introduction_text":"Fields marked * are required.",
             "submit_label":"Create","notify_on_cancel":true,"state":"{\\"src\\":\\"INC-42\\"}","shape":"round",
             "elements":[{"display_name":"Summary","name":"summary","type":"text","max_length":120,"colour":"red"},
                         {"display_name":"Urgent","name":"urgent","type":"bool","default":"false"}]}""";

    @Test
    void anOpenWithAFreshTriggerIdWritesOpenDialogForTheUserInsideItAndAnswersOk() throws Exception {
        String body = openBody(triggerId(), "http://127.0.0.1:9/submit", DIALOG);
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("X-Request-ID").orElseThrow()).hasSize(26);
        assertThat(written).hasSize(1);
        Written w = written.get(0);
        assertThat(w.key()).isEqualTo(USER);
        PostCommand command = w.command();
        assertThat(command.type()).isEqualTo(PostCommand.OPEN_DIALOG);
        assertThat(command.userId()).isEqualTo(USER);
        assertThat(command.interactionId()).isEqualTo(CLIENT_TRIGGER);
        JsonNode dialog = command.dialog();
        // the short client trigger id replaces the signed one, as Mattermost pushes it to the user's clients
        assertThat(fieldNames(dialog)).containsExactly("trigger_id", "url", "dialog");
        assertThat(dialog.get("trigger_id").asText()).isEqualTo(CLIENT_TRIGGER);
        assertThat(dialog.get("url").asText()).isEqualTo("http://127.0.0.1:9/submit");
        JsonNode d = dialog.get("dialog");
        assertThat(d.get("callback_id").asText()).isEqualTo("new-ticket");
        assertThat(d.get("state").asText()).isEqualTo("{\"src\":\"INC-42\"}");
        assertThat(d.get("notify_on_cancel").asBoolean()).isTrue();
        // re-serialised from Go's structs: unknown keys dropped, absent ones with their zero value
        assertThat(d.has("shape")).isFalse();
        assertThat(d.get("icon_url").asText()).isEmpty();
        assertThat(d.has("source_url")).as("omitempty in Go").isFalse();
        JsonNode summary = d.get("elements").get(0);
        assertThat(summary.has("colour")).isFalse();
        assertThat(summary.get("max_length").asLong()).isEqualTo(120);
        assertThat(summary.get("optional").asBoolean()).isFalse();
        assertThat(summary.get("subtype").asText()).isEmpty();
        assertThat(summary.get("options").isNull()).isTrue();
        assertThat(d.get("elements").get(1).get("default").asText()).isEqualTo("false");
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsBytes(command)).get("dialog"))
                .as("the record on post-commands keeps Go's zero values").isEqualTo(dialog);
        assertThat(Json.mapper().writeValueAsString(command)).as("no part of the signed trigger id")
                .doesNotContain(body.substring(16, 60));
    }

    @Test
    void theSameCallRepeatedGivesTheSameCommandIdAndAnotherDialogAnotherOne() throws Exception {
        String trigger = triggerId();
        String body = openBody(trigger, "http://127.0.0.1:9/submit", DIALOG);
        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(post(body).statusCode()).isEqualTo(200);
        assertThat(post(openBody(trigger, "http://127.0.0.1:9/other", DIALOG)).statusCode()).isEqualTo(200);

        assertThat(written).hasSize(3);
        assertThat(written.get(0).command().id()).isEqualTo(written.get(1).command().id()).hasSize(26);
        assertThat(written.get(2).command().id()).isNotEqualTo(written.get(0).command().id());
        // the trigger id is not single-use: it opens dialogs until it expires
        assertThat(written).allSatisfy(w -> assertThat(w.command().interactionId()).isEqualTo(CLIENT_TRIGGER));
    }

    @Test
    void anInvalidDialogIsOnlyLoggedAndStillOpened() throws Exception {
        String invalid = "{\"title\":\"A title far longer than twenty-four bytes\",\"elements\":[{\"name\":\"x\","
                + "\"type\":\"slider\"}]}";
        HttpResponse<String> response = post(openBody(triggerId(), "http://127.0.0.1:9/submit", invalid));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(written).singleElement().satisfies(w -> assertThat(w.command().dialog().get("dialog")
                .get("title").asText()).isEqualTo("A title far longer than twenty-four bytes"));
    }

    @Test
    void aBodyGoCannotDecodeIsAnInvalidDialog() throws Exception {
        String trigger = triggerId();
        for (String body : List.of("", "not json", "[1]", "{\"trigger_id\":42}",
                openBody(trigger, "http://127.0.0.1:9/s", "{\"elements\":[{\"name\":\"a\",\"optional\":\"true\"}]}"),
                openBody(trigger, "http://127.0.0.1:9/s", "{\"elements\":[{\"name\":\"a\",\"min_length\":\"5\"}]}"),
                openBody(trigger, "http://127.0.0.1:9/s", "{\"notify_on_cancel\":1}"))) {
            assertError(post(body), 400, "api.context.invalid_body_param.app_error",
                    "Invalid or missing dialog in request body.");
        }
        assertThat(written).isEmpty();
    }

    @Test
    void anEmptyOrMissingUrlIsRefusedBeforeTheTriggerIdIsLookedAt() throws Exception {
        assertError(post(openBody(triggerId(), "", DIALOG)), 400, "api.context.invalid_body_param.app_error",
                "Invalid or missing url in request body.");
        assertError(post("{\"trigger_id\":\"forged\",\"dialog\":" + DIALOG + "}"), 400,
                "api.context.invalid_body_param.app_error", "Invalid or missing url in request body.");
        assertThat(written).isEmpty();
    }

    @Test
    void everyTriggerIdFailureIsMattermostsErrorThroughHttp() throws Exception {
        String url = "http://127.0.0.1:9/submit";
        String prefix = "interactive_message.decode_trigger_id.";

        String forged = new TriggerIds(IntegrationSecrets.generate(), LIFETIME, clock).mint(CLIENT_TRIGGER, USER)
                .triggerId();
        assertError(post(openBody(forged, url, DIALOG)), 400, prefix + "verify_signature_failed",
                "Signature verification failed of trigger ID for interactive dialog.");

        String decoded = new String(Base64.getDecoder().decode(triggerId()), StandardCharsets.UTF_8);
        String otherUser = decoded.replace(USER, "zzzzzzzzzzzzzzzzzzzzzzzzzz");
        assertThat(otherUser).isNotEqualTo(decoded);
        assertError(post(openBody(base64(otherUser), url, DIALOG)), 400, prefix + "verify_signature_failed",
                "Signature verification failed of trigger ID for interactive dialog.");

        assertError(post(openBody("not base64!", url, DIALOG)), 400, prefix + "base64_decode_failed",
                "Failed to decode base64 for trigger ID for interactive dialog.");
        assertError(post(openBody("", url, DIALOG)), 400, prefix + "missing_data",
                "Trigger ID missing required data for interactive dialog.");
        assertError(post(openBody(base64(CLIENT_TRIGGER + ":" + USER + ":" + NOW.toEpochMilli()), url, DIALOG)), 400,
                prefix + "missing_data", "Trigger ID missing required data for interactive dialog.");
        int lastColon = decoded.lastIndexOf(':');
        assertError(post(openBody(base64(decoded.substring(0, lastColon + 1) + "%%%"), url, DIALOG)), 400,
                prefix + "base64_decode_failed_signature",
                "Failed to decode base64 signature of trigger ID for interactive dialog.");

        String fresh = triggerId();
        now.set(NOW.plus(LIFETIME));
        assertThat(post(openBody(fresh, url, DIALOG)).statusCode()).as("the lifetime itself still verifies")
                .isEqualTo(200);
        now.set(NOW.plus(LIFETIME).plusMillis(1));
        assertError(post(openBody(fresh, url, DIALOG)), 400, prefix + "expired",
                "Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of 30s.");
        assertThat(written).hasSize(1);
    }

    @Test
    void aBodyOverMattermostsPayloadLimitIs413() throws Exception {
        String padding = " ".repeat(IntegrationApi.MAX_BODY_BYTES);
        assertError(post(openBody(triggerId(), "http://127.0.0.1:9/s", DIALOG) + padding), 413,
                "api.context.request_body_too_large.app_error", "Unable to process request. Request body too large.");
        String atTheLimit = openBody(triggerId(), "http://127.0.0.1:9/s", DIALOG);
        atTheLimit += " ".repeat(IntegrationApi.MAX_BODY_BYTES - atTheLimit.length());
        assertThat(post(atTheLimit).statusCode()).isEqualTo(200);
    }

    @Test
    void aCommandThatIsNotWrittenIsA500AndNeverAnOk() throws Exception {
        writeFailure.set(new CommandWriter.NotWritten("broker unreachable", null));
        assertError(post(openBody(triggerId(), "http://127.0.0.1:9/s", DIALOG)), 500,
                "hookline.integration_api.open_dialog.not_written.app_error",
                "Unable to open the dialog right now. Please try again.");
    }

    @Test
    void theClientConfigPublishesThePublicKeyOnlyInTheOldFormat() throws Exception {
        HttpResponse<String> old = get("/api/v4/config/client?format=old");
        assertThat(old.statusCode()).isEqualTo(200);
        assertThat(old.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(old.body()).isEqualTo("{\"AsymmetricSigningPublicKey\":\"" + secrets.publicKeyBase64() + "\"}");

        assertError(get("/api/v4/config/client"), 501, "api.config.client.old_format.app_error",
                "api.config.client.old_format.app_error");
        assertError(get("/api/v4/config/client?format="), 501, "api.config.client.old_format.app_error",
                "api.config.client.old_format.app_error");
        assertError(get("/api/v4/config/client?format=new"), 400, "api.context.invalid_body_param.app_error",
                "Invalid or missing format in request body.");
        assertThat(get("/api/v4/config/client?x=1&format=ol%64").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsAre404InMattermostsWordsAndOtherMethods405() throws Exception {
        HttpResponse<String> missing = get("/api/v4/actions/dialogs/submit");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(missing.headers().firstValue("X-Request-ID")).isEmpty();
        assertThat(missing.body()).isEqualTo("{\"id\":\"api.context.404.app_error\",\"message\":\"Sorry, we could not "
                + "find the page.\",\"detailed_error\":\"There doesn't appear to be an api call for the "
                + "url='/api/v4/actions/dialogs/submit'.  Typo? are you missing a team_id or user_id as part of the "
                + "url?\",\"status_code\":404}");
        assertThat(get("/api/v4/x%3Cy").body()).contains("url='/api/v4/x\\u003cy'");

        HttpResponse<String> wrongMethod = get("/api/v4/actions/dialogs/open");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
        assertThat(wrongMethod.body()).isEmpty();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v4/config/client?format=old"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);

        HttpResponse<String> ping = get("/api/v4/system/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{\"status\":\"OK\"}");
    }

    private static void assertError(HttpResponse<String> response, int status, String id, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(requestId).hasSize(26);
        assertThat(response.body()).isEqualTo("{\"id\":\"" + id + "\",\"message\":\"" + message
                + "\",\"detailed_error\":\"\",\"request_id\":\"" + requestId + "\",\"status_code\":" + status + "}");
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v4/actions/dialogs/open"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + pathAndQuery)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
