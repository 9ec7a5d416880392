package io.hookline.dispatcher.interaction;

import io.hookline.schemas.interaction.AppError;

/** The errors Mattermost answers when it refuses an interaction before calling anybody (ids and English text). */
final class InteractionErrors {

    private InteractionErrors() {
    }

    /** 404 {@code api.post.do_action.action_id.app_error}: no such action on the post, or it has no integration. */
    static AppError invalidActionId(String detail) {
        return new AppError("api.post.do_action.action_id.app_error", "Invalid action id.", detail, 404);
    }

    /** 404 {@code app.post.get.app_error}: a click with neither a stored post nor a cookie. */
    static AppError postNotFound(String detail) {
        return new AppError("app.post.get.app_error", "Unable to get the post.", detail, 404);
    }

    /** 403 {@code api.context.permissions.app_error}, with Mattermost's detail for a missing permission. */
    static AppError noPermission(String userId, String permission) {
        return new AppError("api.context.permissions.app_error", "You do not have the appropriate permissions.",
                "userId=" + userId + ", permission=" + permission, 403);
    }

    /** 400 {@code api.context.invalid_body_param.app_error} naming the body field. */
    static AppError invalidBodyParam(String name) {
        return new AppError("api.context.invalid_body_param.app_error",
                "Invalid or missing " + name + " in request body.", "", 400);
    }

    /** 500 {@code interactive_message.generate_trigger_id.signing_failed}. */
    static AppError signingFailed(String detail) {
        return new AppError("interactive_message.generate_trigger_id.signing_failed",
                "Failed to sign generated trigger ID for interactive dialog.", detail, 500);
    }

    /** The request could not be encoded: each endpoint has its own id for that. */
    static AppError marshal(String interactionType, String detail) {
        return switch (interactionType) {
            case io.hookline.schemas.interaction.InteractionEvent.DIALOG_SUBMISSION -> new AppError(
                    "app.submit_interactive_dialog.json_error",
                    "Encountered an error encoding JSON for the interactive dialog.", detail, 400);
            case io.hookline.schemas.interaction.InteractionEvent.DIALOG_LOOKUP -> new AppError(
                    "app.lookup_interactive_dialog.json_error",
                    "Encountered an error processing JSON response from interactive dialog lookup.", detail, 400);
            default -> new AppError("api.marshal_error", "Failed to marshal.", detail, 500);
        };
    }
}
