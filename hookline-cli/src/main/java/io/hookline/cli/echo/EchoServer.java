package io.hookline.cli.echo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.hookline.cli.loopback.LoopbackServer;
import io.hookline.cli.loopback.LoopbackTool;
import io.hookline.cli.loopback.PostExchange;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * A callback endpoint for trying Hookline out: every POST is answered {@code 200 {"text": "<reply>"}}, whatever its
 * path and body; any other method gets 405. Each request is reported to {@code onRequest} as one JSON line (method,
 * path, content type, body parsed from JSON or form with the token masked, whether it was signed) so the user sees
 * what the dispatcher sent. Loopback only.
 */
final class EchoServer implements LoopbackTool {

    private final LoopbackServer server;

    private EchoServer(LoopbackServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1:{@code port} (0: any free port). */
    public static EchoServer start(int port, String reply, Consumer<String> onRequest) throws IOException {
        LoopbackServer server = LoopbackServer.bind(port);
        byte[] answer = Json.mapper().writeValueAsBytes(Json.mapper().createObjectNode().put("text", reply));
        server.start(exchange -> handle(exchange, answer, onRequest));
        return new EchoServer(server);
    }

    public int port() {
        return server.port();
    }

    @Override
    public String url() {
        return server.url() + "/";
    }

    private static void handle(HttpExchange exchange, byte[] answer, Consumer<String> onRequest) throws IOException {
        try (exchange) {
            byte[] body = PostExchange.postBody(exchange);
            if (body == null) {
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            onRequest.accept(describe(exchange, contentType, body));
            PostExchange.answer(exchange, 200, answer);
        }
    }

    private static String describe(HttpExchange exchange, String contentType, byte[] body) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("method", exchange.getRequestMethod());
        line.put("path", exchange.getRequestURI().getRawPath());
        line.put("content_type", contentType);
        JsonNode parsed = PostExchange.parse(contentType, body);
        // The token is the hook's shared secret: show that it came, never what it is.
        if (parsed instanceof ObjectNode fields && fields.hasNonNull("token")
                && !fields.get("token").asText().isEmpty()) {
            fields.put("token", "****");
        }
        line.set("body", parsed);
        line.put("signed", exchange.getRequestHeaders().containsKey("webhook-signature"));
        return line.toString();
    }

    @Override
    public void close() {
        server.close();
    }
}
