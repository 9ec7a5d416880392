package io.hookline.cli.post;

/**
 * A post given with flags instead of a JSON document: the smallest set that makes a complete post event.
 *
 * @param channelType {@code O} public, {@code P} private, {@code D} direct, {@code G} group
 */
public record PostFlags(
        String channelId,
        String teamId,
        String userId,
        String username,
        String message,
        String channelType,
        String channelName,
        String teamName,
        String rootId) {
}
