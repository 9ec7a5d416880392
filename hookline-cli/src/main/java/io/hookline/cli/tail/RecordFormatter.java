package io.hookline.cli.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One Kafka record as one line of JSON:
 * {@code {"topic", "partition", "offset", "timestamp", "key", "headers": {name: value}, "value"}}.
 * A value that is JSON is embedded as JSON; otherwise it is a string, with {@code "value_encoding": "text"} for UTF-8
 * text or {@code "base64"} for other bytes (keys and header values likewise, as {@code key_encoding} and
 * base64-prefixed strings). Fields that hold secrets ({@code token}, {@code signing_secret},
 * {@code previous_signing_secret} of a rotation, {@code signing_secrets}) are masked unless the caller asks to see
 * them, and so is the password of any URL in a text (callback URLs carry credentials). A record of a secret topic
 * ({@code integration-secrets}: the trigger-id signing key, the action-cookie key) shows only its {@code kind} and
 * when it was made: its {@code value} is masked. An interaction's outcome on {@code webhook-responses} has no
 * {@code trigger}; it shows its {@code interaction} (the event, the resolved action, the short client trigger id or the
 * refusal) instead.
 */
public final class RecordFormatter {

    static final Set<String> SECRET_FIELDS = Set.of("token", "signing_secret", "previous_signing_secret",
            "signing_secrets");
    static final String MASK = "****";

    private final ObjectMapper mapper = Json.mapper();
    private final boolean showSecrets;
    private final Set<String> secretTopics;

    /** A formatter for topics that hold no secret as a whole (dead letters, say). */
    public RecordFormatter(boolean showSecrets) {
        this(showSecrets, Set.of());
    }

    /** @param secretTopics the actual names of topics whose record values are secrets as a whole */
    public RecordFormatter(boolean showSecrets, Set<String> secretTopics) {
        this.showSecrets = showSecrets;
        this.secretTopics = Set.copyOf(secretTopics);
    }

    public String format(ConsumerRecord<byte[], byte[]> r) {
        ObjectNode line = mapper.createObjectNode();
        line.put("topic", r.topic());
        line.put("partition", r.partition());
        line.put("offset", r.offset());
        line.put("timestamp", r.timestamp());
        Decoded key = decode(r.key());
        line.put("key", key.text);
        if (key.encoding != null) {
            line.put("key_encoding", key.encoding);
        }
        ObjectNode headers = line.putObject("headers");
        for (Header h : r.headers()) {
            Decoded v = decode(h.value());
            headers.put(h.key(), "base64".equals(v.encoding) ? "base64:" + v.text : v.text);
        }
        if (r.value() == null) {
            line.putNull("value");
        } else if (!showSecrets && secretTopics.contains(r.topic())) {
            JsonNode json = parseJson(r.value());
            if (json instanceof ObjectNode stored && stored.has("value")) {
                stored.put("value", MASK);
                line.set("value", stored);
            } else {
                line.put("value", MASK);
            }
        } else {
            JsonNode json = parseJson(r.value());
            if (json != null) {
                line.set("value", showSecrets ? json : masked(json));
            } else {
                Decoded value = decode(r.value());
                line.put("value", showSecrets || value.encoding != null ? value.text
                        : CallbackUrlCredentials.maskedIn(value.text));
                line.put("value_encoding", value.encoding == null ? "text" : value.encoding);
            }
        }
        try {
            return mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** Only objects and arrays count as JSON values here: a bare {@code 42} or {@code true} is shown as text. */
    private JsonNode parseJson(byte[] bytes) {
        try {
            JsonNode node = mapper.readTree(bytes);
            return node != null && node.isContainerNode() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode masked(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                if (SECRET_FIELDS.contains(f.getKey()) && !isEmpty(f.getValue())) {
                    f.setValue(maskOf(f.getValue()));
                } else if (f.getValue().isTextual()) {
                    f.setValue(withUrlPasswordsMasked(f.getValue()));
                } else {
                    masked(f.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, withUrlPasswordsMasked(array.get(i)));
                } else {
                    masked(array.get(i));
                }
            }
        }
        return node;
    }

    /** Callback URLs (a hook's, a trigger's) and any other URL in a text keep their user name, not the password. */
    private static JsonNode withUrlPasswordsMasked(JsonNode text) {
        return Json.mapper().getNodeFactory().textNode(CallbackUrlCredentials.maskedIn(text.asText()));
    }

    private static JsonNode maskOf(JsonNode secret) {
        if (secret.isArray()) {
            ArrayNode masked = Json.mapper().createArrayNode();
            secret.forEach(s -> masked.add(MASK));
            return masked;
        }
        return Json.mapper().getNodeFactory().textNode(MASK);
    }

    private static boolean isEmpty(JsonNode v) {
        return v.isNull() || (v.isTextual() && v.asText().isEmpty()) || (v.isArray() && v.isEmpty());
    }

    private record Decoded(String text, String encoding) {
    }

    /** UTF-8 text as is (encoding null); anything else as base64. */
    private static Decoded decode(byte[] bytes) {
        if (bytes == null) {
            return new Decoded(null, null);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, null);
        } catch (CharacterCodingException e) {
            return new Decoded(Base64.getEncoder().encodeToString(bytes), "base64");
        }
    }
}
