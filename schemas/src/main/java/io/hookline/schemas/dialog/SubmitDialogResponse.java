package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an integration answers to a dialog submission: Mattermost's {@code SubmitDialogResponse}. Every key is
 * {@code omitempty}, so the empty response is {@code {}}. {@code errors} is never null (Go's nil and empty maps
 * serialise alike); a null error text becomes "", as Go decodes {@code null} into a string. {@code form} is null when
 * absent (Go's nil pointer).
 */
@JsonPropertyOrder({"error", "errors", "type", "form"})
public record SubmitDialogResponse(
        @JsonInclude(Include.NON_DEFAULT) String error,
        @JsonInclude(Include.NON_EMPTY) Map<String, String> errors,
        @JsonInclude(Include.NON_DEFAULT) String type,
        @JsonInclude(Include.NON_NULL) Dialog form) {

    /** {@code type}: the dialog closes. */
    public static final String TYPE_EMPTY = "";
    /** {@code type}: the dialog closes. */
    public static final String TYPE_OK = "ok";
    /** {@code type}: the dialog is replaced by {@code form}. */
    public static final String TYPE_FORM = "form";
    /** {@code type}: the dialog closes. */
    public static final String TYPE_NAVIGATE = "navigate";

    public SubmitDialogResponse {
        error = error == null ? "" : error;
        Map<String, String> copy = new LinkedHashMap<>();
        if (errors != null) {
            errors.forEach((k, v) -> copy.put(k == null ? "" : k, v == null ? "" : v));
        }
        errors = Collections.unmodifiableMap(copy);
        type = type == null ? "" : type;
    }

    /** The empty response {@code {}}, which Mattermost also uses for an empty body. */
    public static SubmitDialogResponse empty() {
        return new SubmitDialogResponse("", Map.of(), "", null);
    }
}
