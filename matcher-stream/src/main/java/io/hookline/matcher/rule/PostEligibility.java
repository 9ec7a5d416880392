package io.hookline.matcher.rule;

import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.PostProps;
import java.util.Optional;

/**
 * Which posts may trigger outgoing webhooks at all, before any hook is looked at (reference 1.3): newly created posts
 * in public channels that are neither system messages nor webhook posts.
 */
public final class PostEligibility {

    public static final String SYSTEM_TYPE_PREFIX = "system_";

    private PostEligibility() {
    }

    /** Why this post never fires, or empty when it may. The event must be free of {@link PostEvent#problems()}. */
    public static Optional<String> ineligibility(PostEvent event) {
        if (!event.channel().isPublic()) {
            return Optional.of("channel type '" + event.channel().type() + "' is not public (O)");
        }
        Post post = event.post();
        if (isFromWebhook(post)) {
            return Optional.of("post was made by a webhook (props.from_webhook)");
        }
        if (post.type().startsWith(SYSTEM_TYPE_PREFIX)) {
            return Optional.of("system message (type " + post.type() + ")");
        }
        if (post.editAt() != 0) {
            return Optional.of("edited post (edit_at set)");
        }
        if (post.deleteAt() != 0) {
            return Optional.of("deleted post (delete_at set)");
        }
        return Optional.empty();
    }

    /**
     * Mattermost writes {@code "from_webhook": "true"} (a string). A JSON boolean {@code true} is treated the same:
     * loop prevention must not depend on how a bridge happened to encode the flag.
     */
    static boolean isFromWebhook(Post post) {
        Object flag = post.props().get(PostProps.FROM_WEBHOOK);
        return "true".equals(flag) || Boolean.TRUE.equals(flag);
    }
}
