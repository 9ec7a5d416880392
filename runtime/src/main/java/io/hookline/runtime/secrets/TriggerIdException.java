package io.hookline.runtime.secrets;

import io.hookline.schemas.interaction.AppError;

/** A trigger id that does not verify, with the error Mattermost answers (all 400). */
public final class TriggerIdException extends Exception {

    private final transient AppError error;

    TriggerIdException(AppError error) {
        super(error.id() + ": " + error.message() + (error.detailedError().isEmpty() ? "" : " (" + error.detailedError()
                + ")"));
        this.error = error;
    }

    public AppError error() {
        return error;
    }
}
