package io.hookline.cli.loopback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The request/response plumbing of a tool server that takes POSTs the way Mattermost sends them (JSON, or a form for
 * outgoing webhooks configured so) and answers JSON.
 */
public final class PostExchange {

    private PostExchange() {
    }

    /**
     * The request's body, read in full; or null after answering 405 (with {@code Allow: POST}) to any other method.
     */
    public static byte[] postBody(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (!"POST".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "POST");
            exchange.sendResponseHeaders(405, -1);
            return null;
        }
        return body;
    }

    /** The body as JSON, or as an object of its fields when it is a form; a text node when it is neither. */
    public static JsonNode parse(String contentType, byte[] body) {
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

    /** Answers {@code status} with the JSON {@code body}. */
    public static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", ContentTypes.JSON);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
