package io.hookline.schemas.dialog;

/**
 * Why Mattermost's {@code SubmitDialogResponse.IsValid} rejects a response.
 *
 * @param message the error's text exactly as Go's {@code err.Error()} gives it (the API's {@code detailed_error})
 * @param logOnly true when Mattermost only logs it and passes the response through: its text contains
 *                "invalid form"; otherwise the submission answers 400
 *                {@code app.submit_interactive_dialog.invalid_response}
 */
public record ResponseProblem(String message, boolean logOnly) {
}
