package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads the fields of one JSON object the way Go's {@code encoding/json} fills a struct, which is what decides whether
 * Mattermost accepts a response: keys match field names case-insensitively (the last matching key wins), {@code null}
 * leaves the zero value, and a value of the wrong JSON type is an error naming the field (its path from the body's
 * root, e.g. {@code attachments[0].fields[1].short}).
 */
final class GoFields {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private static final String SLACK_BOOL = "true, false, \"true\" or \"false\"";

    private final ObjectNode node;
    private final String path;

    private GoFields(ObjectNode node, String path) {
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
        List<JsonNode> all = all(name);
        JsonNode found = all.isEmpty() ? null : all.get(all.size() - 1);
        return found == null || found.isNull() ? null : found;
    }

    /** The values of every key equal to {@code name} ignoring case, in order: Go decodes (and checks) each one. */
    private List<JsonNode> all(String name) {
        List<JsonNode> found = new ArrayList<>(1);
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equalsIgnoreCase(name)) {
                found.add(e.getValue());
            }
        }
        return found;
    }

    /**
     * A Go {@code any} field (or a {@code map[string]any}'s values): every JSON value is accepted, except a number a
     * float64 cannot hold ({@code 1e400}), which Go's decoder refuses. Null when absent or JSON null.
     */
    JsonNode any(String name) {
        for (JsonNode v : all(name)) {
            checkFloat64(v, path(name));
        }
        return get(name);
    }

    /** A Go {@code string} field: "" when absent. */
    String string(String name) {
        return typed(name, JsonNode::isTextual, "a string", JsonNode::textValue, "");
    }

    /** A Go {@code *string} field: null when absent or null. */
    String optionalString(String name) {
        return typed(name, JsonNode::isTextual, "a string", JsonNode::textValue, null);
    }

    /** A Go {@code bool} field: false when absent. */
    boolean bool(String name) {
        return typed(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue, false);
    }

    /** A Go {@code *bool} field: null when absent or null. */
    Boolean optionalBool(String name) {
        return typed(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue, null);
    }

    /** A Go {@code int64} field: 0 when absent. */
    long int64(String name) {
        return typed(name, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number", JsonNode::longValue,
                0L);
    }

    /**
     * Mattermost's {@code SlackCompatibleBool}: {@code true}, {@code false}, {@code "true"} or {@code "false"}, letter
     * case ignored; anything else makes the response invalid, JSON null included (Go hands null to the type's own
     * {@code UnmarshalJSON}, which refuses it).
     */
    boolean slackBool(String name) {
        for (JsonNode v : all(name)) {
            if (v.isNull()) {
                throw wrongType(path(name), SLACK_BOOL, v);
            }
        }
        return typed(name,
                v -> v.isBoolean()
                        || v.isTextual() && (v.textValue().equalsIgnoreCase("true")
                                || v.textValue().equalsIgnoreCase("false")),
                SLACK_BOOL,
                v -> v.isBoolean() ? v.booleanValue() : v.textValue().equalsIgnoreCase("true"),
                false);
    }

    /** A Go {@code map[string]any} field: null when absent or null. */
    Map<String, Object> map(String name) {
        for (JsonNode v : all(name)) {
            checkFloat64(v, path(name));
        }
        return typed(name, JsonNode::isObject, "an object", v -> Json.mapper().convertValue(v, MAP), null);
    }

    /** A Go pointer-to-struct field: null when absent or null. */
    GoFields struct(String name) {
        for (JsonNode v : all(name)) {
            of(v, path(name));
        }
        return of(get(name), path(name));
    }

    /**
     * A Go slice of structs: empty when absent or null. Each element (null for a JSON null element) is mapped by
     * {@code element}; an element mapped to null is left out.
     */
    <T> List<T> structs(String name, Function<GoFields, T> element) {
        List<T> list = new ArrayList<>();
        JsonNode array = typed(name, JsonNode::isArray, "an array", v -> v, null);
        if (array == null) {
            return list;
        }
        for (int i = 0; i < array.size(); i++) {
            T value = element.apply(of(array.get(i), path(name) + "[" + i + "]"));
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /**
     * The one typed read: {@code absent} when the field is absent or null, an error when any of its keys has another
     * JSON type (the value is the last key's).
     */
    private <T> T typed(String name, Predicate<JsonNode> isType, String expected, Function<JsonNode, T> value,
            T absent) {
        for (JsonNode v : all(name)) {
            if (!v.isNull() && !isType.test(v)) {
                throw wrongType(path(name), expected, v);
            }
        }
        JsonNode v = get(name);
        return v == null ? absent : value.apply(v);
    }

    /**
     * Go decodes every JSON number inside an {@code any} as a float64 and refuses one out of its range. The path names
     * the field only: the keys below it come from the callback and are not copied into the reason.
     */
    private static void checkFloat64(JsonNode v, String path) {
        if (v.isNumber() && Double.isInfinite(v.doubleValue())) {
            throw new ResponseFormatException(path + " holds a number too large for a float64");
        }
        for (JsonNode child : v) {
            checkFloat64(child, path);
        }
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
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}
