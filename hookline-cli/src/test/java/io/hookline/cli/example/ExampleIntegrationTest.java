package io.hookline.cli.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hookline.kafkatest.Await;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example integration on a real socket, with a fake integration API (the chat server's) beside it. */
class ExampleIntegrationTest {

    /** What the fake integration API saw: the open request, and whether the click had been answered by then. */
    private record DialogOpen(JsonNode body, String contentType, boolean clickAnsweredFirst) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final CountDownLatch clickAnswered = new CountDownLatch(1);
    private final BlockingQueue<DialogOpen> opens = new LinkedBlockingQueue<>();
    private final List<String> printed = new CopyOnWriteArrayList<>();
    private HttpServer integrationApi;
    private ExampleIntegration integration;

    @BeforeEach
    void start() throws Exception {
        integrationApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        integrationApi.createContext("/api/v4/actions/dialogs/open", exchange -> {
            try (exchange) {
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                // An integration that opened the dialog before answering the click would wait here in vain: the
                // click's answer only comes after the open request returns.
                boolean answeredFirst;
                try {
                    answeredFirst = clickAnswered.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    answeredFirst = false;
                }
                opens.add(new DialogOpen(body, exchange.getRequestHeaders().getFirst("Content-Type"),
                        answeredFirst));
                byte[] ok = "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, ok.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(ok);
                }
            }
        });
        integrationApi.start();
        integration = ExampleIntegration.start(0, URI.create("http://127.0.0.1:"
                + integrationApi.getAddress().getPort()), printed::add);
    }

    @AfterEach
    void stop() {
        integration.close();
        integrationApi.stop(0);
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(integration.url() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aClickIsAnsweredFirstAndThenTheDialogIsOpenedWithItsTriggerId() throws Exception {
        // the outgoing webhook, form-encoded as Mattermost sends it by default
        HttpResponse<String> hook = post("/hook", "application/x-www-form-urlencoded",
                "token=secret&user_name=alice&text=ticket+db-3+disk+is+full&trigger_word=ticket");
        assertThat(hook.statusCode()).isEqualTo(200);
        JsonNode button = json.readTree(hook.body()).at("/attachments/0/actions/0");
        assertThat(button.at("/integration/url").asText()).isEqualTo(integration.url() + "/actions/create");

        String trigger = "dHJpZ2dlcg" + "A".repeat(180);
        String click = "{\"user_id\":\"bob00000000000000000000001\",\"user_name\":\"bob\","
                + "\"channel_id\":\"townsquare0000000000000001\",\"channel_name\":\"town-square\","
                + "\"team_id\":\"engineering000000000000001\",\"team_domain\":\"engineering\","
                + "\"post_id\":\"post0000000000000000000001\",\"trigger_id\":\"" + trigger + "\",\"type\":\"button\","
                + "\"data_source\":\"\",\"context\":" + button.at("/integration/context") + "}";
        HttpResponse<String> answer = post("/actions/create", "application/json", click);
        clickAnswered.countDown();
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.readTree(answer.body()).at("/update/message").asText())
                .endsWith("— ticket form opened by @bob");

        DialogOpen open = opens.poll(10, TimeUnit.SECONDS);
        assertThat(open).as("the dialog open request").isNotNull();
        assertThat(open.clickAnsweredFirst()).as("the click was answered before the dialog was opened").isTrue();
        assertThat(open.contentType()).isEqualTo("application/json");
        assertThat(open.body().get("trigger_id").asText()).isEqualTo(trigger);
        assertThat(open.body().get("url").asText()).isEqualTo(integration.url() + "/dialogs/ticket");
        assertThat(open.body().at("/dialog/callback_id").asText()).isEqualTo("ticket");
        assertThat(json.readTree(open.body().at("/dialog/state").asText()).get("post_id").asText())
                .isEqualTo("post0000000000000000000001");

        // the integration prints the open's answer once it has it, after the request the fake API saw
        Await.until(() -> printed.size() >= 3, Duration.ofSeconds(10),
                () -> "the line of the dialog's opening: " + printed);

        // the dialog's submission goes to the url it was opened with
        HttpResponse<String> tooShort = post("/dialogs/ticket", "application/json",
                "{\"type\":\"dialog_submission\",\"callback_id\":\"ticket\",\"state\":"
                        + json.writeValueAsString(open.body().at("/dialog/state").asText())
                        + ",\"user_id\":\"bob00000000000000000000001\",\"channel_id\":\"townsquare0000000000000001\","
                        + "\"team_id\":\"engineering000000000000001\",\"submission\":{\"summary\":\"disk\"},"
                        + "\"cancelled\":false}");
        assertThat(tooShort.statusCode()).isEqualTo(200);
        assertThat(json.readTree(tooShort.body()).at("/errors/summary").asText()).contains("at least 10");

        assertThat(printed).hasSize(4);
        assertThat(printed.get(0)).startsWith("POST /hook {").contains("\"token\":\"****\"")
                .doesNotContain("secret");
        assertThat(printed.get(1)).startsWith("POST /actions/create {").contains("\"trigger_id\":\"dHJpZ2dl…(190 chars)\"")
                .doesNotContain(trigger);
        assertThat(printed.get(2)).isEqualTo("opened dialog \"Create ticket\" with trigger dHJpZ2dl…(190 chars): "
                + "{\"status\":\"OK\"}");
        assertThat(printed.get(3)).startsWith("POST /dialogs/ticket {");
    }

    @Test
    void otherMethodsAndPathsAndBodiesAreRefused() throws Exception {
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(integration.url() + "/hook")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(post("/nowhere", "application/json", "{}").statusCode()).isEqualTo(404);
        assertThat(post("/actions/create", "application/json", "not json").statusCode()).isEqualTo(400);
        assertThat(opens).isEmpty();
    }
}
