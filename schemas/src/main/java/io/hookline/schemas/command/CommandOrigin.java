package io.hookline.schemas.command;

/** Which delivery a command answers: the triggering post, the hook and the callback URL. */
public record CommandOrigin(String hookId, String postId, String callbackUrl, String deliveryId) {
}
