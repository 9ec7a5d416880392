package io.hookline.schemas.hook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one liveness rule of {@code webhook-configs}, shared by the matcher's hook table, its config audit (which
 * dead-letters what is rejected here, with the same reason) and the CLI's listings, so that what fires, what is
 * dead-lettered and what an admin sees can never disagree.
 *
 * <p>The latest record of a key decides. A tombstone deletes the hook of its key. Any other value must parse as an
 * {@code OutgoingWebhook}. With {@code delete_at > 0} and its key (or no id) as {@code id} it deletes the hook even if
 * other fields are invalid: a deletion must never be what keeps a hook firing. Otherwise it must pass Mattermost's
 * validation ({@link OutgoingWebhookValidator#violations}) and carry its key as {@code id} to be live. Everything else
 * is rejected, and a rejected hook is not live: an earlier valid version is not kept, since compaction may already
 * have removed it and the answer must not depend on when the log cleaner ran.
 */
public final class HookLiveness {

    private static final ObjectReader READER = Json.mapper().readerFor(OutgoingWebhook.class);

    private HookLiveness() {
    }

    /** The state that the record ({@code key}, {@code value}; null value: tombstone) leaves hook {@code key} in. */
    public static HookState decide(String key, byte[] value) {
        if (key == null || key.isEmpty()) {
            return rejected(null, "the record has no key; the key of a webhook-configs record is the hook id");
        }
        if (value == null) {
            return new HookState.Deleted(key);
        }
        OutgoingWebhook hook;
        try {
            hook = READER.readValue(value);
        } catch (JsonProcessingException e) {
            return rejected(key, "not a valid OutgoingWebhook JSON document: " + describe(e));
        } catch (IOException | RuntimeException e) {
            return rejected(key, "not a valid OutgoingWebhook JSON document: " + e.getClass().getSimpleName());
        }
        if (hook == null) {
            return rejected(key, "not a valid OutgoingWebhook JSON document: the value is JSON null; "
                    + "delete a hook with a tombstone (no value) or delete_at > 0");
        }
        if (hook.isDeleted() && (hook.id().isEmpty() || hook.id().equals(key))) {
            return new HookState.Deleted(key);
        }
        List<OutgoingWebhookValidator.Violation> violations = OutgoingWebhookValidator.violations(hook);
        if (!violations.isEmpty()) {
            // only a record under its own id can be repaired or soft-deleted as that hook
            Optional<OutgoingWebhook> parsed = key.equals(hook.id()) ? Optional.of(hook) : Optional.empty();
            return new HookState.Rejected(key, "invalid hook " + key + ": " + violations.stream()
                    .map(OutgoingWebhookValidator.Violation::toString).collect(Collectors.joining("; ")), parsed);
        }
        if (!key.equals(hook.id())) {
            return rejected(key, "the record key '" + key + "' differs from the hook id '" + hook.id()
                    + "'; the key must be the hook id");
        }
        return new HookState.Live(hook);
    }

    private static HookState rejected(String key, String reason) {
        return new HookState.Rejected(key, reason, Optional.empty());
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
