package io.hookline.dispatcher.interaction;

import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.PostActionCookie;

/**
 * What an interaction resolved to: the action to call (post_action; null for dialogs, which need no resolution), or
 * the error Mattermost answers without calling anybody.
 */
record Resolution(PostActionCookie action, AppError refusal) {

    static Resolution resolved(PostActionCookie action) {
        return new Resolution(action, null);
    }

    static Resolution refused(AppError error) {
        return new Resolution(null, error);
    }

    boolean isRefused() {
        return refusal != null;
    }
}
