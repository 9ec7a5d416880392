package io.hookline.cli.interact;

import io.hookline.schemas.command.PostCommand;

/**
 * A command as read from {@code post-commands}, with the time the broker stored it: what a chat server applying the
 * commands would use as the creation time of the post it stores.
 */
record LoggedCommand(PostCommand command, long timestamp) {
}
