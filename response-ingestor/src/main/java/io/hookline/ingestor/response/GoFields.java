package io.hookline.ingestor.response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the fields of one JSON object the way Go's {@code encoding/json} fills a struct, which is what decides whether
 * Mattermost accepts a response: keys match field names case-insensitively (the last matching key wins), {@code null}
 * leaves the zero value, and a value of the wrong JSON type is an error naming the field.
 */
final class GoFields {

    private final ObjectNode node;
    private final String path;

    GoFields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    /** Wraps {@code value} when it is an object; null for JSON null; an error for anything else. */
    static GoFields of(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw wrongType(path, "an object", value);
        }
        return new GoFields((ObjectNode) value, path);
    }

    /** The value of the last key equal to {@code name} ignoring case; null when absent or JSON null. */
    JsonNode get(String name) {
        JsonNode found = null;
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                found = e.getValue();
            }
        }
        return found == null || found.isNull() ? null : found;
    }

    /** A Go {@code string} field: "" when absent. */
    String string(String name) {
        String s = optionalString(name);
        return s == null ? "" : s;
    }

    /** A Go {@code *string} field: null when absent or null. */
    String optionalString(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            throw wrongType(path(name), "a string", v);
        }
        return v.textValue();
    }

    /** A Go {@code *bool} field: null when absent or null. */
    Boolean optionalBool(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrongType(path(name), "true or false", v);
        }
        return v.booleanValue();
    }

    /** A Go {@code bool} field. */
    boolean bool(String name) {
        Boolean b = optionalBool(name);
        return b != null && b;
    }

    /** A Go {@code int64} field: 0 when absent. */
    long int64(String name) {
        JsonNode v = get(name);
        if (v == null) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw wrongType(path(name), "a whole number", v);
        }
        return v.longValue();
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    static ResponseFormatException wrongType(String path, String expected, JsonNode got) {
        return new ResponseFormatException(path + " must be " + expected + ", got " + describe(got));
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return "a boolean";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        return v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
