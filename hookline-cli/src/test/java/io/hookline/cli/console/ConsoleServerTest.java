package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.kafkatest.Await;
import io.hookline.runtime.http.ListenPort;
import io.hookline.schemas.serde.Json;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's server on a real socket: routing, errors as JSON, the guard, the assets and the event streams. */
class ConsoleServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<EventSink> sinks = new CopyOnWriteArrayList<>();
    private final List<String> closed = new CopyOnWriteArrayList<>();
    private ConsoleServer server;
    private String base;

    record Greeting(String name, int times) {
    }

    @BeforeEach
    void start() {
        Routes routes = new Routes();
        routes.get("/api/things/{id}", r -> {
            if (r.pathParam("id").equals("missing")) {
                throw ApiException.notFound("no thing missing");
            }
            return ApiResponse.ok(Map.of("id", r.pathParam("id"), "q", String.valueOf(r.queryParam("q"))));
        });
        routes.post("/api/greetings", r -> {
            Greeting g = r.body(Greeting.class);
            if (g.name() == null || g.name().isBlank()) {
                throw ApiException.badRequest("name", "name is required");
            }
            return ApiResponse.created(g);
        });
        routes.get("/api/boom", r -> {
            throw new IllegalStateException("broken on purpose");
        });
        routes.stream("/api/ticks/stream", (r, sink) -> {
            sinks.add(sink);
            sink.onClose(() -> closed.add("tick"));
            sink.send("hello", Map.of("n", 0));
        });
        server = ConsoleServer.start(new ConsoleSettings.Listen("127.0.0.1", new ListenPort(true, 0, true), true,
                null), routes, Duration.ofMillis(100));
        base = server.url();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void routesAnswerJsonWithPathAndQueryParameters() throws Exception {
        HttpResponse<String> ok = send(to("/api/things/a%20b?q=x"));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json(ok).get("id").asText()).isEqualTo("a b");
        assertThat(json(ok).get("q").asText()).isEqualTo("x");

        HttpResponse<String> missing = send(to("/api/things/missing"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("no thing missing");
        assertThat(json(missing).get("field").isNull()).isTrue();

        assertThat(send(to("/api/nothing")).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = send(to("/api/greetings"));
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");

        HttpResponse<String> boom = send(to("/api/boom"));
        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(json(boom).get("error").asText()).isEqualTo("broken on purpose");
    }

    @Test
    void aChangeIsRefusedWithoutTheCsrfHeaderAndValidatedWithFieldErrors() throws Exception {
        HttpResponse<String> forged = send(to("/api/greetings").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"times\":1}")));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).get("error").asText()).contains("X-Hookline-Console");

        HttpResponse<String> form = send(to("/api/greetings").header("X-Hookline-Console", "1")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x")));
        assertThat(form.statusCode()).isEqualTo(415);

        HttpResponse<String> created = send(to("/api/greetings").header("X-Hookline-Console", "1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"times\":2}")));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("times").asInt()).isEqualTo(2);

        HttpResponse<String> blank = send(to("/api/greetings").header("X-Hookline-Console", "1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\" \",\"times\":2}")));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(json(blank).get("field").asText()).isEqualTo("name");
        assertThat(json(blank).get("errors").get(0).get("message").asText()).isEqualTo("name is required");

        HttpResponse<String> wrongType = send(to("/api/greetings").header("X-Hookline-Console", "1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"times\":\"two\"}")));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("field").asText()).isEqualTo("times");

        HttpResponse<String> notJson = send(to("/api/greetings").header("X-Hookline-Console", "1")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{")));
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/api/things/x", "/api/nothing", "/nothing.js")) {
            HttpResponse<String> r = send(to(path));
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(ConsoleServer.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
        }
    }

    @Test
    void thePagesAreServedFromTheJarWithTheirTypes() throws Exception {
        HttpResponse<String> index = send(to("/"));
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(index.body()).contains("<script type=\"module\" src=\"app.js\">");
        for (String module : List.of("/app.js", "/api.js", "/ui.js")) {
            HttpResponse<String> js = send(to(module));
            assertThat(js.statusCode()).as(module).isEqualTo(200);
            assertThat(js.headers().firstValue("Content-Type")).as(module)
                    .hasValue("text/javascript; charset=utf-8");
        }
        assertThat(send(to("/console.css")).headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(send(to("/nothing.js")).statusCode()).isEqualTo(404);
        assertThat(send(to("/pages/..%2F..%2Fio/hookline/cli/Main.class")).statusCode()).isEqualTo(404);
        assertThat(send(to("/").DELETE().header("X-Hookline-Console", "1"))
                .statusCode()).isEqualTo(405);
    }

    @Test
    void aPageOfAnotherSiteRebindingItsNameToLoopbackIsRefused() throws Exception {
        // HttpClient will not set Host: a raw request does
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/things/x HTTP/1.1\r\nHost: evil.example:" + server.port()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 403");
        }
    }

    @Test
    void aStreamDeliversEventsAndHeartbeatsAndClosesWhenTheBrowserGoes() throws Exception {
        HttpResponse<InputStream> response = http.send(to("/api/ticks/stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(lines.readLine()).isEqualTo(": open");
        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo("event: hello");
        assertThat(lines.readLine()).isEqualTo("data: {\"n\":0}");
        assertThat(lines.readLine()).isEmpty();
        Await.until(() -> sinks.size() == 1, Duration.ofSeconds(5), () -> "the stream is open");
        sinks.get(0).send("tick", Map.of("text", "two\nlines"));
        assertThat(lines.readLine()).isEqualTo("event: tick");
        assertThat(lines.readLine()).isEqualTo("data: {\"text\":\"two\\nlines\"}");
        assertThat(lines.readLine()).isEmpty();
        assertThat(lines.readLine()).isEqualTo(": heartbeat");
        assertThat(server.openStreams()).isEqualTo(1);

        response.body().close();
        Await.until(() -> server.openStreams() == 0 && closed.equals(List.of("tick")), Duration.ofSeconds(10),
                () -> "the closed stream to be noticed by a heartbeat and unsubscribed once");
        assertThat(sinks.get(0).isOpen()).isFalse();
        assertThat(sinks.get(0).send("late", Map.of())).isFalse();
    }
}
