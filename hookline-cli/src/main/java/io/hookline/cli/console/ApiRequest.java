package io.hookline.cli.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One API request as a route sees it: its path parameters ({@code {id}} in the route's pattern), its query
 * parameters and its JSON body (the server has already checked the token, CSRF header and content type).
 */
public record ApiRequest(String method, String path, Map<String, String> pathParams,
                         Map<String, List<String>> query, byte[] body) {

    public ApiRequest {
        pathParams = Map.copyOf(pathParams);
        query = Map.copyOf(query);
        body = body == null ? new byte[0] : body;
    }

    /** A path parameter of the route's pattern. */
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter {" + name + "}");
        }
        return value;
    }

    /** The first value of a query parameter, null when absent or blank. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        if (values == null || values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).trim();
    }

    /** Every non-blank value of a repeated query parameter ({@code ?id=a&id=b}), also comma separated. */
    public List<String> queryParams(String name) {
        return query.getOrDefault(name, List.of()).stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toList());
    }

    /** The body as a JSON object ({@code {}} when empty); anything else is a 400. */
    public ObjectNode json() {
        if (body.length == 0) {
            return Json.mapper().createObjectNode();
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest(null, "the body is not JSON: " + firstLine(e));
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(null, "the body must be a JSON object");
        }
        return object;
    }

    /** The body bound to {@code type} (snake_case fields); a wrong type is a 400 naming the field. */
    public <T> T body(Class<T> type) {
        ObjectNode json = json();
        try {
            return Json.mapper().treeToValue(json, type);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")).replace(".[", "[");
            throw ApiException.badRequest(field.isEmpty() ? null : field, (field.isEmpty() ? "" : field + ": ")
                    + firstLine(e));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(null, "the body is not valid: " + firstLine(e));
        }
    }

    private static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
