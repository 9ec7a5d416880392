package io.hookline.cli.example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one line the example integration prints per request: method, path and body. Trigger ids are long signed strings
 * that are useless to read, so only their start is shown; a webhook's token is a secret, so it is masked.
 */
final class RequestLines {

    private static final int SHOWN = 8;

    private RequestLines() {
    }

    static String of(String method, String path, JsonNode body) {
        JsonNode shown = body;
        if (body instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            if (copy.hasNonNull("trigger_id")) {
                copy.put("trigger_id", shortTriggerId(copy.get("trigger_id").asText()));
            }
            if (copy.hasNonNull("token") && !copy.get("token").asText().isEmpty()) {
                copy.put("token", "****");
            }
            shown = copy;
        }
        return method + " " + path + " " + shown;
    }

    /** The first characters and the length, e.g. {@code NzhjMmYx…(236 chars)}. */
    static String shortTriggerId(String triggerId) {
        if (triggerId.length() <= SHOWN) {
            return triggerId;
        }
        return triggerId.substring(0, SHOWN) + "…(" + triggerId.length() + " chars)";
    }
}
