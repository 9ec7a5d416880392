package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The first JSON value of a body as a tree that still knows every occurrence of a repeated key. Jackson's tree keeps
 * one value per key, but Go's decoder decodes each occurrence in turn: it checks the type of every one, and merges a
 * repeated object into the same struct or map.
 *
 * @param root      the value
 * @param occurrences for each object with a key repeated exactly, all its keys and values in body order
 */
record BodyTree(JsonNode root, Map<JsonNode, List<Map.Entry<String, JsonNode>>> occurrences) {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Reads the value at the parser's current token (which must be the first token of a value). */
    static BodyTree read(JsonParser parser) throws IOException {
        Map<JsonNode, List<Map.Entry<String, JsonNode>>> occurrences = new IdentityHashMap<>();
        return new BodyTree(value(parser, occurrences), occurrences);
    }

    /** The keys and values of {@code object} in body order, a repeated key once per occurrence. */
    List<Map.Entry<String, JsonNode>> entries(ObjectNode object) {
        List<Map.Entry<String, JsonNode>> all = occurrences.get(object);
        if (all != null) {
            return all;
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>(object.size());
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            entries.add(it.next());
        }
        return entries;
    }

    private static JsonNode value(JsonParser p, Map<JsonNode, List<Map.Entry<String, JsonNode>>> occurrences)
            throws IOException {
        JsonToken token = p.currentToken();
        if (token == null) {
            throw new JsonParseException(p, "Unexpected end-of-input");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
                boolean repeated = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    JsonNode v = value(p, occurrences);
                    entries.add(Map.entry(key, v));
                    repeated |= object.remove(key) != null;
                    object.set(key, v);
                }
                if (repeated) {
                    occurrences.put(object, List.copyOf(entries));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(p, occurrences));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> NODES.numberNode(p.getIntValue());
                    case LONG -> NODES.numberNode(p.getLongValue());
                    default -> NODES.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IOException("unexpected JSON token " + token);
        }
    }
}
