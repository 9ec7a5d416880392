package io.hookline.integrationapi.api;

/**
 * The Mattermost errors the integration API answers with, with their English texts from Mattermost's
 * {@code i18n/en.json}.
 */
final class ApiErrors {

    static final String INVALID_BODY_PARAM = "api.context.invalid_body_param.app_error";
    static final String REQUEST_BODY_TOO_LARGE = "api.context.request_body_too_large.app_error";
    static final String NOT_FOUND = "api.context.404.app_error";
    /**
     * Mattermost's {@code en.json} has no text for this id, and its translator then answers the id itself, so the id is
     * also the message.
     */
    static final String CLIENT_CONFIG_OLD_FORMAT = "api.config.client.old_format.app_error";
    /** Hookline's own: the open_dialog command could not be written to post-commands. */
    static final String OPEN_DIALOG_NOT_WRITTEN = "hookline.integration_api.open_dialog.not_written.app_error";

    private ApiErrors() {
    }

    /** {@code NewInvalidParamError(name)}: 400 "Invalid or missing {name} in request body." */
    static ApiError invalidBodyParam(String name, String requestId) {
        return new ApiError(INVALID_BODY_PARAM, "Invalid or missing " + name + " in request body.", "", requestId, 400);
    }

    /** 413, what Mattermost answers when a body overruns {@code MaximumPayloadSizeBytes}. */
    static ApiError requestBodyTooLarge(String requestId) {
        return new ApiError(REQUEST_BODY_TOO_LARGE, "Unable to process request. Request body too large.", "",
                requestId, 413);
    }

    /** {@code Handle404} for an API path: its detail is always sent, and it has no request id. */
    static ApiError notFound(String path) {
        return new ApiError(NOT_FOUND, "Sorry, we could not find the page.", "There doesn't appear to be an api call "
                + "for the url='" + path + "'.  Typo? are you missing a team_id or user_id as part of the url?", "",
                404);
    }

    /** 501 for {@code GET /config/client} without {@code format}. */
    static ApiError clientConfigOldFormat(String requestId) {
        return new ApiError(CLIENT_CONFIG_OLD_FORMAT, CLIENT_CONFIG_OLD_FORMAT, "", requestId, 501);
    }

    /** 500 when the dialog could not be handed on: nothing was opened, and retrying the same call is safe. */
    static ApiError openDialogNotWritten(String requestId) {
        return new ApiError(OPEN_DIALOG_NOT_WRITTEN, "Unable to open the dialog right now. Please try again.", "",
                requestId, 500);
    }
}
