package io.hookline.integrationapi.api;

import io.hookline.schemas.hook.ContentTypes;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: status, headers, body (empty for none).
 *
 * @param route the route that answered, for metrics and logs ({@code open_dialog}, ..., {@code not_found})
 */
public record ApiResponse(String route, int status, Map<String, String> headers, byte[] body) {

    /** Mattermost's {@code X-Request-ID}: a fresh id per routed request, also in its error bodies. */
    public static final String REQUEST_ID_HEADER = "X-Request-ID";

    public ApiResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    static ApiResponse json(String route, int status, byte[] json, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", ContentTypes.JSON);
        if (requestId != null && !requestId.isEmpty()) {
            headers.put(REQUEST_ID_HEADER, requestId);
        }
        return new ApiResponse(route, status, headers, json);
    }

    static ApiResponse error(String route, ApiError error) {
        return json(route, error.httpStatus(), error.json(), error.requestId());
    }

    /** Mattermost's {@code ReturnStatusOK}. */
    static ApiResponse statusOk(String route, String requestId) {
        return json(route, 200, "{\"status\":\"OK\"}".getBytes(StandardCharsets.UTF_8), requestId);
    }
}
