package io.hookline.schemas.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * What a click on {@code action} (a post action as stored: a JSON object) of a post resolves to, as Mattermost's
     * server builds it: the action's type, data source and integration, the thread root ({@code rootId}, or the post
     * itself for a root post), and which of the {@link #RETAIN_PROP_KEYS} the post's {@code props} have (retained with
     * their values) or lack (removed). The one rule behind both a click on a stored post and a sealed cookie.
     *
     * @param action an action whose {@code integration} is an object: callers refuse one without
     */
    public static PostActionCookie forAction(Map<?, ?> action, String postId, String rootId, String channelId,
                                             Map<?, ?> props) {
        Map<String, Object> retain = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String key : RETAIN_PROP_KEYS) {
            if (props.containsKey(key)) {
                retain.put(key, props.get(key));
            } else {
                remove.add(key);
            }
        }
        ActionIntegration integration = null;
        if (action.get("integration") instanceof Map<?, ?> i) {
            Map<String, Object> context = null;
            if (i.get("context") instanceof Map<?, ?> c) {
                context = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : c.entrySet()) {
                    context.put(String.valueOf(e.getKey()), e.getValue());
                }
            }
            integration = new ActionIntegration(text(i.get("url")), context);
        }
        String root = rootId == null || rootId.isEmpty() ? postId : rootId;
        return new PostActionCookie(text(action.get("type")), postId, root, channelId,
                text(action.get("data_source")), integration, retain, remove);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

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
