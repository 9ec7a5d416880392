package io.hookline.schemas.interaction;

/** Mattermost's {@code PostActionAPIResponse}: what the clicking client gets when the action worked. */
public record ActionResponse(String status, String triggerId) {

    public static ActionResponse ok(String clientTriggerId) {
        return new ActionResponse("OK", clientTriggerId);
    }
}
