package io.hookline.schemas.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.hookline.schemas.serde.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of Hookline's topic values, shipped in this jar under {@code schemas/} and published as
 * {@code https://hookline.io/schemas/<name>.schema.json}. Used by tests and by tools that check a record before
 * writing it.
 */
public final class JsonSchemas {

    public static final String POST_EVENT = "post-event";
    public static final String OUTGOING_WEBHOOK = "outgoing-webhook";
    public static final String WEBHOOK_TRIGGER = "webhook-trigger";
    public static final String DELIVERY_OUTCOME = "delivery-outcome";
    public static final String SCHEDULED_RETRY = "scheduled-retry";
    public static final String POST_COMMAND = "post-command";
    public static final String INTERACTION_EVENT = "interaction-event";

    public static final List<String> ALL = List.of(POST_EVENT, OUTGOING_WEBHOOK, WEBHOOK_TRIGGER, DELIVERY_OUTCOME,
            SCHEDULED_RETRY, POST_COMMAND, INTERACTION_EVENT);

    private static final String BASE = "https://hookline.io/schemas/";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    /** The problems of {@code value} against schema {@code name}; empty when it is valid. */
    public List<String> problems(String name, JsonNode value) {
        JsonSchema schema = schemas.computeIfAbsent(name, this::load);
        return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** The problems of a record (serialised with the shared mapper) against schema {@code name}. */
    public List<String> problemsOf(String name, Object record) {
        return problems(name, Json.mapper().valueToTree(record));
    }

    private JsonSchema load(String name) {
        if (!ALL.contains(name)) {
            throw new IllegalArgumentException("no JSON Schema named '" + name + "'; known: " + ALL);
        }
        return factory.getSchema(SchemaLocation.of(BASE + name + ".schema.json"));
    }
}
