package io.hookline.matcher.hook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides what a {@code webhook-configs} record does. Used by both the hook table and the dead-letter side of the
 * matcher, so that what is applied and what is dead-lettered can never disagree.
 *
 * <p>Rules: a tombstone removes the hook of its key. Any other value must parse as an {@code OutgoingWebhook}. With
 * {@code delete_at > 0} and its key (or no id) as {@code id} it removes the hook even if other fields are invalid: a
 * deletion must never be what keeps a hook firing. Otherwise it must pass Mattermost's validation
 * ({@link OutgoingWebhookValidator#violations}) and carry its key as {@code id} to replace the hook. Everything else
 * is rejected.
 */
public final class HookChanges {

    private static final ObjectReader READER = Json.mapper().readerFor(OutgoingWebhook.class);

    private HookChanges() {
    }

    public static HookChange decide(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            return new HookChange.Rejection("the record has no key; the key of a webhook-configs record is the hook id");
        }
        if (value == null) {
            return new HookChange.Removal(key);
        }
        OutgoingWebhook hook;
        try {
            hook = READER.readValue(value);
        } catch (JsonProcessingException e) {
            return new HookChange.Rejection("not a valid OutgoingWebhook JSON document: " + describe(e));
        } catch (IOException | RuntimeException e) {
            return new HookChange.Rejection("not a valid OutgoingWebhook JSON document: " + e.getClass().getSimpleName());
        }
        if (hook == null) {
            return new HookChange.Rejection("not a valid OutgoingWebhook JSON document: the value is JSON null; "
                    + "delete a hook with a tombstone (no value) or delete_at > 0");
        }
        if (hook.isDeleted() && (hook.id().isEmpty() || hook.id().equals(key))) {
            return new HookChange.Removal(key);
        }
        List<OutgoingWebhookValidator.Violation> violations = OutgoingWebhookValidator.violations(hook);
        if (!violations.isEmpty()) {
            return new HookChange.Rejection("invalid hook " + key + ": " + violations.stream()
                    .map(OutgoingWebhookValidator.Violation::toString).collect(Collectors.joining("; ")));
        }
        if (!key.equals(hook.id())) {
            return new HookChange.Rejection("the record key '" + key + "' differs from the hook id '" + hook.id()
                    + "'; the key must be the hook id");
        }
        return new HookChange.Upsert(hook);
    }

    /**
     * Jackson's messages quote the offending input, which may be a token or a signing secret: only the location and
     * the field path are kept.
     */
    static String describe(JsonProcessingException e) {
        String where = where(e.getLocation());
        if (e instanceof JsonParseException) {
            return "malformed JSON" + where;
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String expected = mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                    ? " (expected " + describeType(mismatch.getTargetType()) + ")" : "";
            return "field " + path + " has the wrong type" + expected + where;
        }
        return "not a JSON object with the OutgoingWebhook fields" + where;
    }

    private static String describeType(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return type.getSimpleName();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
