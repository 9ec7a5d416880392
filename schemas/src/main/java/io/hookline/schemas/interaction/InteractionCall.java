package io.hookline.schemas.interaction;

/**
 * What the dispatcher did with one interaction, carried by its outcome on {@code webhook-responses} so that the
 * ingestor can answer it without another lookup.
 *
 * @param event           the interaction as the chat server wrote it
 * @param action          post_action: what the click resolved to (from the stored post or the cookie); null when it
 *                        could not be resolved, and for dialogs
 * @param clientTriggerId post_action: the short trigger id the clicker's client gets (the signed one went to the
 *                        integration); empty otherwise
 * @param refusal         the error Mattermost answers when the interaction was refused before any call (unknown action,
 *                        bad cookie, ...); null when the integration was called
 */
public record InteractionCall(InteractionEvent event, PostActionCookie action, String clientTriggerId,
                              AppError refusal) {

    public InteractionCall {
        clientTriggerId = clientTriggerId == null ? "" : clientTriggerId;
    }
}
