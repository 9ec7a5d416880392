package io.hookline.schemas.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Mattermost's error envelope ({@code AppError}): the i18n id, its English message, a detail for operators, and the
 * HTTP status Mattermost would have answered with. The chat server shows {@code message} to the person, as Mattermost's
 * client does.
 */
public record AppError(
        String id,
        String message,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String detailedError,
        int statusCode) {

    public AppError {
        id = id == null ? "" : id;
        message = message == null ? "" : message;
        detailedError = detailedError == null ? "" : detailedError;
    }

    /** {@code api.post.do_action.action_integration.app_error}: what a failed call to an integration answers. */
    public static AppError actionIntegration(String detail) {
        return new AppError("api.post.do_action.action_integration.app_error", "Action integration error.", detail,
                400);
    }
}
