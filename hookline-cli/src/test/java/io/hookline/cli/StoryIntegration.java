package io.hookline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The integration the browser tests talk to, written with Mattermost's formats only, on 127.0.0.1: it answers the
 * webhook with a reply in the thread rich in everything a message can show (Markdown, an attachment with colour bar,
 * pretext, author, title link, short and long fields, image, thumbnail, footer, a button and a menu) and with text that
 * would run script if it were rendered as HTML; a click on the button updates the message, answers the clicker
 * privately and then opens a two-step dialog with every element type through the integration API; the first step
 * refuses the summary "broken" with an inline error. {@code /flaky} fails until {@link #heal()}.
 */
final class StoryIntegration implements AutoCloseable {

    /** A 1x1 PNG, for the attachment's image, thumbnail and icons. */
    private static final byte[] PIXEL = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** What the integration received. */
    record Request(String path, JsonNode body) {
    }

    private final HttpServer server;
    private final String url;
    private final String integrationApi;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService opener = Executors.newSingleThreadExecutor();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final AtomicBoolean healed = new AtomicBoolean();

    /** @param integrationApi where dialogs are opened ({@code up}'s integration-api URL) */
    StoryIntegration(String integrationApi) throws IOException {
        this.integrationApi = integrationApi;
        server = HttpListener.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        url = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return url;
    }

    /** From now on {@code /flaky} answers like {@code /hook}. */
    void heal() {
        healed.set(true);
    }

    /** The next request to {@code path} (earlier ones to other paths are passed over), waiting at most 60 s. */
    Request next(String path) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Request r = requests.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (r != null && r.path().equals(path)) {
                return r;
            }
        }
        throw new AssertionError("the integration got no request to " + path + " within 60 s");
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/pixel.png")) {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, PIXEL.length);
                exchange.getResponseBody().write(PIXEL);
                return;
            }
            JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            requests.add(new Request(path, body));
            String answer = switch (path) {
                case "/hook" -> hookAnswer();
                case "/flaky" -> healed.get() ? "{\"text\": \"Healed at last\"}" : null;
                case "/actions/open" -> {
                    String trigger = body.path("trigger_id").asText();
                    // answered first, then opened: Mattermost's client opens only a dialog whose trigger id it has
                    opener.submit(() -> openDialog(trigger));
                    yield """
                            {"update": {"message": "Form opened by @%s", "props": {"attachments": %s}},
                             "ephemeral_text": "Fill in <https://tickets.example.com/new|the form>."}"""
                            .formatted(body.path("user_name").asText(), attachments());
                }
                case "/actions/severity" -> """
                        {"update": {"message": "Severity: %s", "props": {"attachments": %s}}}"""
                        .formatted(body.at("/context/selected_option").asText(), attachments());
                case "/dialogs/ticket" -> dialogAnswer(body);
                case "/dialogs/lookup" -> """
                        {"items": [{"text": "Database team", "value": "db"}, {"text": "Network team", "value": "net"}]}""";
                default -> "";
            };
            if (answer == null) {
                exchange.sendResponseHeaders(500, -1);
                return;
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private String hookAnswer() {
        return """
                {"response_type": "comment",
                 "text": "**Ticket** request, see _below_: <img src=x onerror=\\"window.hooklineXss=1\\"> [click](javascript:window.hooklineXss=2)",
                 "attachments": %s}""".formatted(attachments());
    }

    private String attachments() {
        return """
                [{"color": "danger", "pretext": "Pretext with `code`",
                  "author_name": "Monitor", "author_link": "https://monitor.example.com/", "author_icon": "%1$s/pixel.png",
                  "title": "INC-42: disk full", "title_link": "https://tickets.example.com/42",
                  "text": "Disk **98%%** on db-3\\n- first\\n- second",
                  "fields": [{"title": "Host", "value": "db-3", "short": true},
                             {"title": "Since", "value": "10:42", "short": true},
                             {"title": "Details", "value": "The long field spans the width.", "short": false}],
                  "image_url": "%1$s/pixel.png", "thumb_url": "%1$s/pixel.png",
                  "footer": "Monitoring", "footer_icon": "%1$s/pixel.png", "ts": 1767225600,
                  "actions": [
                    {"id": "openform", "type": "button", "name": "Open form", "style": "primary",
                     "integration": {"url": "%1$s/actions/open", "context": {"ticket": "INC-42"}}},
                    {"id": "severity", "type": "select", "name": "Severity",
                     "options": [{"text": "Low", "value": "low"}, {"text": "High", "value": "high"}],
                     "integration": {"url": "%1$s/actions/severity", "context": {"ticket": "INC-42"}}}]}]"""
                .formatted(url);
    }

    private void openDialog(String trigger) {
        String request = """
                {"trigger_id": "%1$s", "url": "%2$s/dialogs/ticket", "dialog": {
                  "callback_id": "ticket", "title": "Create ticket", "introduction_text": "Fields with * are **required**.",
                  "submit_label": "Next", "notify_on_cancel": true, "state": "step1",
                  "elements": [
                    {"display_name": "Summary", "name": "summary", "type": "text", "max_length": 120,
                     "placeholder": "What is broken?", "help_text": "One line."},
                    {"display_name": "Reporter email", "name": "email", "type": "text", "subtype": "email", "optional": true},
                    {"display_name": "Notes", "name": "notes", "type": "textarea", "optional": true},
                    {"display_name": "Priority", "name": "priority", "type": "select", "default": "normal",
                     "options": [{"text": "Low", "value": "low"}, {"text": "Normal", "value": "normal"},
                                 {"text": "High", "value": "high"}]},
                    {"display_name": "Labels", "name": "labels", "type": "select", "multiselect": true, "optional": true,
                     "options": [{"text": "Disk", "value": "disk"}, {"text": "Database", "value": "db"}]},
                    {"display_name": "Assignee", "name": "assignee", "type": "select", "data_source": "users", "optional": true},
                    {"display_name": "Channel", "name": "channel", "type": "select", "data_source": "channels", "optional": true},
                    {"display_name": "Team", "name": "team", "type": "select", "data_source": "dynamic",
                     "data_source_url": "%2$s/dialogs/lookup", "optional": true},
                    {"display_name": "Urgent", "name": "urgent", "type": "bool", "placeholder": "Page on call", "optional": true},
                    {"display_name": "Impact", "name": "impact", "type": "radio", "default": "one",
                     "options": [{"text": "One host", "value": "one"}, {"text": "Everyone", "value": "all"}]},
                    {"display_name": "Due", "name": "due", "type": "date", "default": "2026-12-24", "optional": true},
                    {"display_name": "Window", "name": "window", "type": "datetime", "optional": true}]}}"""
                .formatted(trigger, url);
        try {
            http.send(HttpRequest.newBuilder(URI.create(integrationApi + "/api/v4/actions/dialogs/open"))
                    .POST(HttpRequest.BodyPublishers.ofString(request)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("opening the dialog failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String dialogAnswer(JsonNode submit) {
        if (submit.path("cancelled").asBoolean(false)) {
            return "";
        }
        if (submit.path("state").asText().equals("step1")) {
            if (submit.at("/submission/summary").asText().equals("broken")) {
                return "{\"errors\": {\"summary\": \"Say more than 'broken'.\"}}";
            }
            return """
                    {"type": "form", "form": {"callback_id": "ticket", "title": "Step 2 of 2", "state": "step2",
                     "submit_label": "Create", "elements": [
                       {"display_name": "Confirm", "name": "confirm", "type": "bool", "placeholder": "I checked the disk"}]}}""";
        }
        return "{}";
    }

    @Override
    public void close() {
        server.stop(0);
        opener.shutdownNow();
    }
}
