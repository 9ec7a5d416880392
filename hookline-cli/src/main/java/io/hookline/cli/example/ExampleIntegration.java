package io.hookline.cli.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.hookline.cli.loopback.LoopbackServer;
import io.hookline.cli.loopback.LoopbackTool;
import io.hookline.cli.loopback.PostExchange;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A small Mattermost integration on the JDK's HTTP server, written as one would for a real Mattermost server:
 * <ul>
 *   <li>{@code POST /hook}, the outgoing webhook's callback, answers with a post holding a button and a menu;</li>
 *   <li>{@code POST /actions/create}, a click on the button, updates the post and then opens a dialog through
 *       {@code POST /api/v4/actions/dialogs/open} with the click's trigger id;</li>
 *   <li>{@code POST /actions/priority}, a choice in the menu, updates the post;</li>
 *   <li>{@code POST /dialogs/ticket}, the dialog's submission, checks the summary and creates the ticket.</li>
 * </ul>
 * Each request is reported to {@code print} as one line, as is each dialog it opens and each ticket it creates.
 * Loopback only.
 */
final class ExampleIntegration implements LoopbackTool {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private final LoopbackServer server;
    private final HttpClient client;
    private final URI dialogsOpen;
    private final Consumer<String> print;
    private final TicketAnswers answers;

    private ExampleIntegration(LoopbackServer server, URI integrationApi, Consumer<String> print) {
        this.server = server;
        // appended, not resolved: a server under a subpath (https://chat.example.com/mattermost) keeps its prefix
        this.dialogsOpen = URI.create(integrationApi.toString().replaceAll("/+$", "") + "/api/v4/actions/dialogs/open");
        this.print = print;
        this.client = HttpClient.newBuilder().connectTimeout(CALL_TIMEOUT).build();
        this.answers = new TicketAnswers(url());
    }

    /**
     * Starts on 127.0.0.1:{@code port} (0: any free port).
     *
     * @param integrationApi the chat server's API, where dialogs are opened (e.g. {@code http://127.0.0.1:8066})
     */
    static ExampleIntegration start(int port, URI integrationApi, Consumer<String> print) throws IOException {
        LoopbackServer server = LoopbackServer.bind(port);
        ExampleIntegration integration = new ExampleIntegration(server, integrationApi, print);
        server.start(integration::handle);
        return integration;
    }

    int port() {
        return server.port();
    }

    /** Where it listens, without a trailing slash: {@code http://127.0.0.1:PORT}. */
    @Override
    public String url() {
        return server.url();
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode openDialogFor = null;
        try (exchange) {
            byte[] body = PostExchange.postBody(exchange);
            if (body == null) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            JsonNode request = PostExchange.parse(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            print.accept(RequestLines.of("POST", path, request));
            if (!(request instanceof ObjectNode)) {
                answer(exchange, 400, Json.mapper().createObjectNode().put("error", "expected a JSON object"));
                return;
            }
            switch (path) {
                case "/hook" -> answer(exchange, 200, answers.hookAnswer(request));
                case "/actions/create" -> {
                    answer(exchange, 200, answers.createAnswer(request));
                    openDialogFor = request;
                }
                case "/actions/priority" -> answer(exchange, 200, answers.priorityAnswer(request));
                case "/dialogs/ticket" -> {
                    TicketAnswers.Submitted submitted = answers.submission(request);
                    answer(exchange, 200, submitted.answer());
                    if (submitted.ticket() != null) {
                        print.accept("ticket created: " + submitted.ticket());
                    }
                }
                default -> answer(exchange, 404, Json.mapper().createObjectNode().put("error", "no such path: " + path));
            }
        }
        // Only now, with the click answered: Mattermost's webapp opens a dialog only for the trigger id it has
        // already received in the answer to its click.
        if (openDialogFor != null) {
            openDialog(answers.ticketDialog(openDialogFor));
        }
    }

    private void openDialog(ObjectNode request) {
        String trigger = RequestLines.shortTriggerId(request.path("trigger_id").asText());
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(dialogsOpen)
                    .timeout(CALL_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(request.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                print.accept("opened dialog \"" + request.path("dialog").path("title").asText() + "\" with trigger "
                        + trigger + ": " + response.body());
            } else {
                print.accept("could not open the dialog (trigger " + trigger + "): " + dialogsOpen + " answered "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            print.accept("could not open the dialog (trigger " + trigger + "): " + dialogsOpen + " unreachable ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "); is the integration API running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void answer(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        PostExchange.answer(exchange, status, Json.mapper().writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
