package io.hookline.cli.console;

import java.util.List;

/**
 * An API request that fails with a status and a message the page shows; validation failures carry one entry per
 * field (the CLI's own messages) so that the page shows each at its field.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String field;
    private final List<FieldError> errors;

    public ApiException(int status, String message, String field, List<FieldError> errors) {
        super(message);
        this.status = status;
        this.field = field;
        this.errors = List.copyOf(errors);
    }

    /** 400 about one field (null: about the request as a whole). */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, message, field, field == null ? List.of() : List.of(new FieldError(field,
                message)));
    }

    /** 400 with several field errors; the first is the message. */
    public static ApiException invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no errors");
        }
        return new ApiException(400, errors.get(0).message(), errors.get(0).field(), errors);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message, null, List.of());
    }

    public static ApiException conflict(String field, String message) {
        return new ApiException(409, message, field, field == null ? List.of() : List.of(new FieldError(field,
                message)));
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** One field's error; {@code field} is the JSON field name of the request body. */
    public record FieldError(String field, String message) {
    }
}
