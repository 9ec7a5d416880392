package io.hookline.schemas.post;

import java.util.List;
import java.util.Map;

/**
 * A Mattermost post as its REST API and its WebSocket {@code posted} event carry it. Only the fields Hookline reads are
 * modelled; the rest are ignored on read. Missing strings read as "", missing collections as empty.
 */
public record Post(
        String id,
        long createAt,
        long updateAt,
        long editAt,
        long deleteAt,
        String userId,
        String channelId,
        String rootId,
        String message,
        String type,
        Map<String, Object> props,
        List<String> fileIds) {

    public Post {
        id = orEmpty(id);
        userId = orEmpty(userId);
        channelId = orEmpty(channelId);
        rootId = orEmpty(rootId);
        message = orEmpty(message);
        type = orEmpty(type);
        props = props == null ? Map.of() : props;
        fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
    }

    /** The id of the thread this post belongs to: its root when it is a reply, itself when it is a root post. */
    public String threadRootId() {
        return rootId.isEmpty() ? id : rootId;
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
