package io.hookline.cli.echo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A callback endpoint for trying Hookline out: every POST is answered {@code 200 {"text": "<reply>"}}, whatever its
 * path and body; any other method gets 405. Each request is reported to {@code onRequest} as one JSON line (method,
 * path, content type, body parsed from JSON or form with the token masked, whether it was signed) so the user sees
 * what the dispatcher sent. Loopback only.
 */
final class EchoServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;

    private EchoServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Starts on 127.0.0.1:{@code port} (0: any free port). */
    public static EchoServer start(int port, String reply, Consumer<String> onRequest) throws IOException {
        HttpServer server = HttpListener.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        byte[] answer = Json.mapper().writeValueAsBytes(Json.mapper().createObjectNode().put("text", reply));
        server.createContext("/", exchange -> handle(exchange, answer, onRequest));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
        return new EchoServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    private static void handle(HttpExchange exchange, byte[] answer, Consumer<String> onRequest) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            onRequest.accept(describe(exchange, contentType, body));
            exchange.getResponseHeaders().set("Content-Type", ContentTypes.JSON);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
    }

    private static String describe(HttpExchange exchange, String contentType, byte[] body) {
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("method", exchange.getRequestMethod());
        line.put("path", exchange.getRequestURI().getRawPath());
        line.put("content_type", contentType);
        JsonNode parsed = parse(contentType, body);
        // The token is the hook's shared secret: show that it came, never what it is.
        if (parsed instanceof ObjectNode fields && fields.hasNonNull("token")
                && !fields.get("token").asText().isEmpty()) {
            fields.put("token", "****");
        }
        line.set("body", parsed);
        line.put("signed", exchange.getRequestHeaders().containsKey("webhook-signature"));
        return line.toString();
    }

    private static JsonNode parse(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        if (contentType != null && contentType.startsWith(ContentTypes.FORM)) {
            ObjectNode form = Json.mapper().createObjectNode();
            for (String pair : text.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    form.put(k, v);
                }
            }
            return form;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            return Json.mapper().getNodeFactory().textNode(text);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
