package io.hookline.schemas.command;

import java.util.Map;

/** The body Mattermost's {@code POST /api/v4/posts} takes. */
public record CommandPost(
        String channelId,
        String rootId,
        String userId,
        String message,
        String type,
        Map<String, Object> props,
        Map<String, Object> metadata) {

    public CommandPost {
        channelId = channelId == null ? "" : channelId;
        rootId = rootId == null ? "" : rootId;
        userId = userId == null ? "" : userId;
        message = message == null ? "" : message;
        type = type == null ? "" : type;
        props = props == null ? Map.of() : props;
    }
}
