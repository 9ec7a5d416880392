package io.hookline.schemas.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * Mattermost's {@code PostActionCookie}: everything a click needs without the stored post. It is the plaintext of the
 * cookie an ephemeral post's action carries, and also what a click on a stored post resolves to, so both paths are
 * handled alike from there on. Keys are omitted when empty, as in Go.
 *
 * @param rootPostId  the thread root: the post's root_id, or its own id for a root post
 * @param retainProps the original post's values of from_webhook, override_username and override_icon_url, which an
 *                    update must keep
 * @param removeProps those of the three keys the original post did not have, which an update must not add
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "post_id", "root_post_id", "channel_id", "data_source", "integration", "retain_props",
        "remove_props"})
public record PostActionCookie(
        String type,
        String postId,
        String rootPostId,
        String channelId,
        String dataSource,
        ActionIntegration integration,
        @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
        Map<String, Object> retainProps,
        List<String> removeProps) {

    /** The props an action update can neither add nor change ({@code PostActionRetainPropKeys}). */
    public static final List<String> RETAIN_PROP_KEYS = List.of("from_webhook", "override_username",
            "override_icon_url");

    public PostActionCookie {
        type = type == null ? "" : type;
        postId = postId == null ? "" : postId;
        rootPostId = rootPostId == null ? "" : rootPostId;
        channelId = channelId == null ? "" : channelId;
        dataSource = dataSource == null ? "" : dataSource;
        retainProps = retainProps == null ? Map.of() : retainProps;
        removeProps = removeProps == null ? List.of() : List.copyOf(removeProps);
    }
}
