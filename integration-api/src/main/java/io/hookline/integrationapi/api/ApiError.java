package io.hookline.integrationapi.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.serde.Json;
import java.nio.charset.StandardCharsets;

/**
 * An error answer as Mattermost's REST API writes it ({@code AppError.ToJSON}):
 * {@code {"id","message","detailed_error","request_id","status_code"}}, {@code request_id} and {@code status_code}
 * left out when empty or zero, {@code detailed_error} always there. Mattermost empties {@code detailed_error} unless
 * {@code EnableDeveloper} is on; Hookline has no such mode, so only errors whose detail Mattermost always sends (the
 * 404 of an unknown API path) carry one.
 */
record ApiError(String id, String message, String detailedError, String requestId, int statusCode) {

    public ApiError {
        id = id == null ? "" : id;
        message = message == null ? "" : message;
        detailedError = detailedError == null ? "" : detailedError;
        requestId = requestId == null ? "" : requestId;
    }

    /** The answer for an {@link AppError} of the contract, its detail withheld as Mattermost does by default. */
    static ApiError of(AppError error, String requestId) {
        return new ApiError(error.id(), error.message(), "", requestId, error.statusCode());
    }

    /** The HTTP status: Mattermost answers 500 for an error without one. */
    int httpStatus() {
        return statusCode == 0 ? 500 : statusCode;
    }

    /** The JSON body, HTML-safe like Go's encoder ({@code <}, {@code >}, {@code &} as {@code \u003c} ...). */
    byte[] json() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("id", id);
        o.put("message", message);
        o.put("detailed_error", detailedError);
        if (!requestId.isEmpty()) {
            o.put("request_id", requestId);
        }
        if (statusCode != 0) {
            o.put("status_code", statusCode);
        }
        try {
            return htmlSafe(Json.mapper().writeValueAsString(o)).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** These characters can only occur inside JSON strings, so replacing them in the text escapes exactly them. */
    static String htmlSafe(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
