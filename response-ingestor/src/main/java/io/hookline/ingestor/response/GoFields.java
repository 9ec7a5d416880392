package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.serde.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads one Go struct the way {@code encoding/json} fills it, which is what decides whether Mattermost accepts a
 * response: keys match field names case-insensitively; every matching key is decoded in turn, so a value of the wrong
 * JSON type in any of them is an error naming the field (its path from the body's root, e.g.
 * {@code attachments[0].fields[1].short}); a later key replaces a scalar, merges into a struct, a map or the elements
 * of a slice; {@code null} leaves a plain field alone and clears a pointer, slice, map or {@code any}.
 */
final class GoFields {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** What a JSON null does to a field. */
    private enum OnNull {
        /** a plain Go value: null leaves it as it was */
        KEEPS,
        /** a pointer: null sets it back to nil */
        CLEARS,
        /** a type with its own {@code UnmarshalJSON} that refuses null */
        REFUSED
    }

    /** Each JSON object Go decoded into this struct, in order (more than one when its key was repeated). */
    private final List<ObjectNode> layers;
    private final String path;
    private final BodyTree tree;

    private GoFields(List<ObjectNode> layers, String path, BodyTree tree) {
        this.layers = layers;
        this.path = path;
        this.tree = tree;
    }

    /** The struct decoded from the body's root object. */
    static GoFields root(BodyTree tree) {
        return new GoFields(List.of((ObjectNode) tree.root()), "", tree);
    }

    /** A Go {@code string} field: "" when absent. */
    String string(String name) {
        return typed(name, JsonNode::isTextual, "a string", JsonNode::textValue, "", OnNull.KEEPS);
    }

    /** A Go {@code *string} field: null when absent or null. */
    String optionalString(String name) {
        return typed(name, JsonNode::isTextual, "a string", JsonNode::textValue, null, OnNull.CLEARS);
    }

    /** A Go {@code bool} field: false when absent. */
    boolean bool(String name) {
        return typed(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue, false, OnNull.KEEPS);
    }

    /** A Go {@code *bool} field: null when absent or null. */
    Boolean optionalBool(String name) {
        return typed(name, JsonNode::isBoolean, "true or false", JsonNode::booleanValue, null, OnNull.CLEARS);
    }

    /** A Go {@code int64} field: 0 when absent. */
    long int64(String name) {
        return typed(name, v -> v.isIntegralNumber() && v.canConvertToLong(), "a whole number", JsonNode::longValue,
                0L, OnNull.KEEPS);
    }

    /**
     * Mattermost's {@code SlackCompatibleBool}: {@code true}, {@code false}, {@code "true"} or {@code "false"}, letter
     * case ignored; anything else makes the response invalid, JSON null included (Go hands null to the type's own
     * {@code UnmarshalJSON}, which refuses it).
     */
    boolean slackBool(String name) {
        return typed(name,
                v -> v.isBoolean()
                        || v.isTextual() && (v.textValue().equalsIgnoreCase("true")
                                || v.textValue().equalsIgnoreCase("false")),
                "true, false, \"true\" or \"false\"",
                v -> v.isBoolean() ? v.booleanValue() : v.textValue().equalsIgnoreCase("true"),
                false, OnNull.REFUSED);
    }

    /**
     * A Go {@code any} field: every JSON value is accepted, except a number a float64 cannot hold ({@code 1e400}),
     * which Go's decoder refuses. Null when absent or null.
     */
    JsonNode any(String name) {
        JsonNode last = null;
        for (JsonNode v : all(name)) {
            checkFloat64(v, path(name));
            last = v;
        }
        return last == null || last.isNull() ? null : last;
    }

    /**
     * A Go {@code map[string]any} field: null when absent or null. A repeated key adds its entries to the map (a
     * later null clears it).
     */
    Map<String, Object> map(String name) {
        Map<String, Object> map = null;
        for (JsonNode v : all(name)) {
            if (v.isNull()) {
                map = null;
                continue;
            }
            if (!v.isObject()) {
                throw wrongType(path(name), "an object", v);
            }
            checkFloat64(v, path(name));
            if (map == null) {
                map = new LinkedHashMap<>();
            }
            map.putAll(Json.mapper().convertValue(v, MAP));
        }
        return map;
    }

    /**
     * A Go {@code []string} field: null when absent or null. A repeated key decodes into the same slice, as Go does:
     * each element is overwritten, except by a JSON null, which leaves the element as it was ("" for a new one), and
     * the length becomes the later array's.
     */
    List<String> strings(String name) {
        List<String> list = null;
        for (JsonNode v : all(name)) {
            if (v.isNull()) {
                list = null;
                continue;
            }
            if (!v.isArray()) {
                throw wrongType(path(name), "an array of strings", v);
            }
            List<String> next = new ArrayList<>(v.size());
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                if (e.isNull()) {
                    next.add(list != null && i < list.size() ? list.get(i) : "");
                } else if (e.isTextual()) {
                    next.add(e.textValue());
                } else {
                    throw wrongType(path(name) + "[" + i + "]", "a string", e);
                }
            }
            list = next;
        }
        return list;
    }

    /**
     * A Go pointer-to-struct field, mapped by {@code decode}: null when absent or null. A repeated key decodes into the
     * same struct; one cleared by a later null was still decoded (and checked) by Go, so it is here too.
     */
    <T> T struct(String name, Function<GoFields, T> decode) {
        List<ObjectNode> decoded = new ArrayList<>();
        for (JsonNode v : all(name)) {
            if (v.isNull()) {
                discard(decoded, path(name), decode);
                decoded = new ArrayList<>();
            } else if (v.isObject()) {
                decoded.add((ObjectNode) v);
            } else {
                throw wrongType(path(name), "an object", v);
            }
        }
        return decoded.isEmpty() ? null : decode.apply(new GoFields(decoded, path(name), tree));
    }

    /**
     * A Go slice of struct pointers: empty when absent or null. A repeated key decodes its elements into the existing
     * ones (Go reuses them) and sets the length. Each element (null for a JSON null element) is mapped by
     * {@code element}; an element mapped to null is left out. Elements a later occurrence drops were still decoded (and
     * checked) by Go, so they are here too.
     */
    <T> List<T> structs(String name, Function<GoFields, T> element) {
        List<List<ObjectNode>> elements = new ArrayList<>();
        for (JsonNode v : all(name)) {
            if (v.isNull()) {
                for (int i = 0; i < elements.size(); i++) {
                    discard(elements.get(i), path(name) + "[" + i + "]", element);
                }
                elements.clear();
                continue;
            }
            if (!v.isArray()) {
                throw wrongType(path(name), "an array", v);
            }
            for (int i = 0; i < v.size(); i++) {
                JsonNode e = v.get(i);
                List<ObjectNode> decoded = i < elements.size() ? elements.get(i) : new ArrayList<>();
                if (e.isNull()) {
                    discard(decoded, path(name) + "[" + i + "]", element);
                    decoded = new ArrayList<>();
                } else if (e.isObject()) {
                    decoded.add((ObjectNode) e);
                } else {
                    throw wrongType(path(name) + "[" + i + "]", "an object", e);
                }
                if (i < elements.size()) {
                    elements.set(i, decoded);
                } else {
                    elements.add(decoded);
                }
            }
            List<List<ObjectNode>> dropped = elements.subList(v.size(), elements.size());
            for (int i = 0; i < dropped.size(); i++) {
                discard(dropped.get(i), path(name) + "[" + (v.size() + i) + "]", element);
            }
            dropped.clear();
        }
        List<T> list = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            List<ObjectNode> decoded = elements.get(i);
            T value = element.apply(decoded.isEmpty() ? null
                    : new GoFields(decoded, path(name) + "[" + i + "]", tree));
            if (value != null) {
                list.add(value);
            }
        }
        return list;
    }

    /** Decodes a struct Go filled and then dropped, for its type errors only. */
    private <T> void discard(List<ObjectNode> decoded, String path, Function<GoFields, T> decode) {
        if (!decoded.isEmpty()) {
            decode.apply(new GoFields(decoded, path, tree));
        }
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The values of every key equal to {@code name} ignoring case, in the order Go decodes them. */
    private List<JsonNode> all(String name) {
        List<JsonNode> found = new ArrayList<>(1);
        for (ObjectNode layer : layers) {
            for (Map.Entry<String, JsonNode> e : tree.entries(layer)) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    found.add(e.getValue());
                }
            }
        }
        return found;
    }

    /** The one scalar read: every occurrence must have the type; the last one's value is used. */
    private <T> T typed(String name, Predicate<JsonNode> isType, String expected, Function<JsonNode, T> value,
            T absent, OnNull onNull) {
        T result = absent;
        for (JsonNode v : all(name)) {
            if (v.isNull() && onNull == OnNull.KEEPS) {
                continue;
            }
            if (v.isNull() && onNull == OnNull.CLEARS) {
                result = absent;
            } else if (v.isNull() || !isType.test(v)) {
                throw wrongType(path(name), expected, v);
            } else {
                result = value.apply(v);
            }
        }
        return result;
    }

    /**
     * Go decodes every JSON number inside an {@code any} as a float64 and refuses one out of its range, in every
     * occurrence of a repeated key too. The path names the field only: the keys below it come from the callback and
     * are not copied into the reason.
     */
    private void checkFloat64(JsonNode v, String path) {
        if (v.isNumber() && Double.isInfinite(v.doubleValue())) {
            throw new ResponseFormatException(path + " holds a number too large for a float64");
        }
        if (v.isObject()) {
            for (Map.Entry<String, JsonNode> e : tree.entries((ObjectNode) v)) {
                checkFloat64(e.getValue(), path);
            }
        } else {
            for (JsonNode child : v) {
                checkFloat64(child, path);
            }
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
