package io.hookline.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The console's API as its pages call it: JSON, with the CSRF header on every change. */
final class ConsoleClient {

    /** One answer: its status and JSON body (null when empty). */
    record Answer(int status, JsonNode json, String body) {

        JsonNode get(String field) {
            return json.get(field);
        }

        String text(String field) {
            JsonNode node = json.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        /** The message of the error at {@code field}. */
        String errorAt(String field) {
            for (JsonNode e : json.get("errors")) {
                if (field.equals(e.get("field").asText())) {
                    return e.get("message").asText();
                }
            }
            return null;
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    ConsoleClient(String base) {
        this.base = base;
    }

    Answer get(String path) throws Exception {
        return send(request(path).GET());
    }

    Answer post(String path, Object body) throws Exception {
        return send(request(path).header("X-Hookline-Console", "1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))));
    }

    Answer put(String path, Object body) throws Exception {
        return send(request(path).header("X-Hookline-Console", "1").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))));
    }

    Answer delete(String path) throws Exception {
        return send(request(path).header("X-Hookline-Console", "1").DELETE());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    private Answer send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body.isEmpty() ? null : Json.mapper().readTree(body), body);
    }
}
