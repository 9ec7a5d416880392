package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.CliRun;
import io.hookline.cli.IsolatedConfig;
import io.hookline.cli.ops.HealthReport;
import io.hookline.cli.ops.ProcessMetrics;
import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.service.ServiceHealth;
import io.hookline.schemas.serde.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console next to a running pipeline on the real broker, as {@code hookline up} serves it: a delivery that fails
 * is in the log with every attempt and its whole story, one click redelivers it and the story ends with the reply
 * command; the Pipeline stream shows the stages, their health and the groups' lag, and lets go of a closed page.
 */
@ExtendWith(KafkaBrokerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleOnRunningPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ALICE = "alice000000000000000000001";

    private final MockWebServer callback = new MockWebServer();
    private final AtomicBoolean recovered = new AtomicBoolean();
    private final ServiceGroup services = new ServiceGroup(Duration.ofSeconds(30));
    private ProcessMetrics metrics;
    private IsolatedConfig isolated;
    private Console console;
    private ConsoleClient client;

    @BeforeAll
    void start(KafkaBroker broker) throws Exception {
        callback.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return recovered.get()
                        ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"text\":\"pong\"}").build()
                        : new MockResponse.Builder().code(500).body("down for maintenance").build();
            }
        });
        callback.start(InetAddress.getByName("127.0.0.1"), 0);
        isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with(DispatcherSettings.RETRY_DELAYS.name(), "100ms");
        HooklineConfig config = isolated.provisioned();
        metrics = new ProcessMetrics();
        List<HooklineService> running = Stage.createAll(List.of(Stage.values()), config, metrics.registry());
        metrics.watch(running);
        services.start(running, WAIT);
        console = Console.start(config, List.of(OpsSource.local("this process", () -> {
            Map<String, ServiceHealth> health = new LinkedHashMap<>();
            running.forEach(s -> health.put(s.name(), s.health()));
            return HealthReport.of(health, false);
        }, metrics.registry())), Duration.ofMillis(200));
        client = new ConsoleClient(console.url());
    }

    @AfterAll
    void stop() {
        if (console != null) {
            console.close();
        }
        services.close();
        if (metrics != null) {
            metrics.close();
        }
        callback.close();
    }

    @Test
    void aFailedDeliveryTellsItsStoryAndOneClickRedeliversIt() throws Exception {
        ConsoleClient.Answer hook = client.post("/api/hooks", HooksApiOnBrokerTest.hook("ping",
                "http://127.0.0.1:" + callback.getPort() + "/pong"));
        assertThat(hook.status()).as(hook.body()).isEqualTo(201);
        String hookId = hook.text("id");
        CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", HooksApiOnBrokerTest.TEAM, "--channel-id",
                HooksApiOnBrokerTest.CHANNEL, "--user-id", ALICE, "--message", "ping"));
        assertThat(post.exitCode()).as(post.toString()).isZero();
        String postId = post.out().strip();

        JsonNode failed = Await.value(() -> onlyRow("/api/deliveries?post_id=" + postId + "&status=failed"),
                row -> row != null, WAIT, "the failed delivery of post " + postId + " in the log");
        String deliveryId = failed.get("delivery_id").asText();
        assertThat(failed.get("hook_id").asText()).isEqualTo(hookId);
        assertThat(failed.get("hook_display_name").asText()).isEqualTo("Pong bot");
        assertThat(failed.get("text").asText()).isEqualTo("ping");
        assertThat(failed.get("callback_url").asText()).endsWith("/pong");
        assertThat(failed.get("http_status").asInt()).isEqualTo(500);
        assertThat(failed.get("error").asText()).startsWith("gave up after 2 attempts: HTTP 500");
        assertThat(failed.get("attempts")).hasSize(2);
        assertThat(failed.get("attempts").get(0).get("body_excerpt").asText()).isEqualTo("down for maintenance");
        assertThat(failed.get("attempts").get(1).get("number").asInt()).isEqualTo(2);
        assertThat(client.get("/api/deliveries?hook=" + hookId).get("deliveries")).hasSize(1);
        assertThat(client.get("/api/deliveries?hook=" + hookId + "&status=succeeded").get("deliveries")).isEmpty();
        assertThat(client.get("/api/deliveries?hook=" + hookId + "&until=2000-01-01T00:00:00Z").get("deliveries"))
                .isEmpty();
        assertThat(client.get("/api/deliveries?status=lost").text("field")).isEqualTo("status");
        assertThat(client.get("/api/deliveries?since=yesterday").status()).isEqualTo(400);

        ConsoleClient.Answer story = client.get("/api/deliveries/" + deliveryId);
        assertThat(story.status()).as(story.body()).isEqualTo(200);
        assertThat(story.get("post").get("post").get("message").asText()).isEqualTo("ping");
        assertThat(story.get("post").get("post").get("user_id").asText()).isEqualTo(ALICE);
        assertThat(story.get("trigger").get("hook_id").asText()).isEqualTo(hookId);
        assertThat(story.get("trigger").get("payload").get("token").asText()).as("no token in a story").isEmpty();
        assertThat(story.get("outcome").get("status").asText()).isEqualTo("failed");
        // nothing answered: at most the failure notice to the author, which the ingestor writes after the outcome
        assertThat(types(story.get("commands"))).allMatch("ephemeral_post"::equals);
        assertThat(story.body()).doesNotContain(hook.text("token"), hook.text("signing_secret"));
        assertThat(client.get("/api/deliveries/nosuchdelivery0000000000001").status()).isEqualTo(404);

        recovered.set(true);
        ConsoleClient.Answer redelivered = client.post("/api/deliveries/" + deliveryId + "/redeliver", Map.of());
        assertThat(redelivered.status()).as(redelivered.body()).isEqualTo(202);
        JsonNode redelivery = redelivered.get("redelivered").get(0);
        assertThat(redelivery.get("failed_id").asText()).isEqualTo(deliveryId);
        String redeliveryId = redelivery.get("redelivery_id").asText();

        JsonNode told = Await.value(() -> story(deliveryId),
                s -> types(s.get("commands")).contains("create_post"), WAIT,
                "the reply command of the redelivery in the story");
        assertThat(told.get("redeliveries").get(0).get("delivery_id").asText()).isEqualTo(redeliveryId);
        assertThat(told.get("redeliveries").get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(told.get("delivery").get("redelivered_as").asText()).isEqualTo(redeliveryId);
        JsonNode command = null;
        for (JsonNode c : told.get("commands")) {
            if (c.get("type").asText().equals("create_post")) {
                command = c;
            }
        }
        assertThat(command.get("post").get("message").asText()).isEqualTo("pong");
        assertThat(command.get("origin").get("delivery_id").asText()).isEqualTo(redeliveryId);
        assertThat(client.get("/api/deliveries/" + redeliveryId).get("redelivery_of").get("delivery_id").asText())
                .isEqualTo(deliveryId);

        ConsoleClient.Answer again = client.post("/api/deliveries/" + deliveryId + "/redeliver", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("error")).contains("already redelivered as " + redeliveryId + ", which succeeded");
        assertThat(client.post("/api/deliveries/nosuchdelivery0000000000001/redeliver", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void thePipelineStreamShowsTheStagesAndTheirLagAndLetsGoOfAClosedPage() throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(console.url() + "/api/pipeline/stream")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        JsonNode picture = null;
        for (int events = 0; events < 20; events++) {
            picture = nextPicture(lines);
            // stages may be rebalancing for a moment (a new group member): wait for a settled picture
            if (picture.get("groups").size() >= 2
                    && picture.get("processes").get(0).get("status").asText().equals("UP")) {
                break;
            }
        }
        assertThat(picture).isNotNull();
        assertThat(picture.get("processes").get(0).get("name").asText()).isEqualTo("this process");
        assertThat(picture.get("processes").get(0).get("status").asText()).isEqualTo("UP");
        List<String> stages = Json.mapper().convertValue(picture.get("stages").findValuesAsText("name"),
                List.class);
        assertThat(stages).startsWith("matcher", "dispatcher", "ingestor", "integration-api");
        for (JsonNode stage : picture.get("stages")) {
            assertThat(stage.get("status").asText()).as(stage.toString()).isEqualTo("UP");
            assertThat(stage.get("processes").get(0).get("state").asText()).as(stage.toString()).isNotBlank();
        }
        JsonNode dispatcher = picture.get("stages").get(1);
        assertThat(dispatcher.get("rates").has("attempts")).isTrue();
        assertThat(dispatcher.get("gauges").has("in_flight")).isTrue();
        assertThat(picture.has("groups_error")).as("no error reading the groups").isFalse();
        assertThat(picture.get("groups").findValuesAsText("group_id"))
                .anyMatch(g -> g.endsWith("-matcher")).anyMatch(g -> g.contains("-dispatcher"));
        assertThat(client.get("/api/pipeline").get("stages")).hasSize(4);

        assertThat(console.openStreams()).isEqualTo(1);
        response.body().close();
        Await.until(() -> console.openStreams() == 0, Duration.ofSeconds(10),
                () -> "the closed page's stream to be let go");
    }

    private static JsonNode nextPicture(BufferedReader lines) throws Exception {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.equals("event: pipeline")) {
                String data = lines.readLine();
                assertThat(data).startsWith("data: ");
                return Json.mapper().readTree(data.substring("data: ".length()));
            }
        }
        throw new AssertionError("the stream ended");
    }

    /** The type of each command. */
    private static List<String> types(JsonNode commands) {
        List<String> types = new java.util.ArrayList<>();
        commands.forEach(c -> types.add(c.get("type").asText()));
        return types;
    }

    private JsonNode story(String deliveryId) {
        try {
            return client.get("/api/deliveries/" + deliveryId).json();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode onlyRow(String path) {
        try {
            JsonNode rows = client.get(path).get("deliveries");
            return rows.size() == 1 ? rows.get(0) : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
