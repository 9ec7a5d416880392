package io.hookline.ingestor.post;

import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.PostActionCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Mattermost's {@code SendEphemeralPost} does to the attachments of an ephemeral post before it leaves the
 * server, done once here for every ephemeral post the ingestor emits: the attachments are decoded as on save and
 * sanitised ({@link StoredAttachments}: an invalid link, colour or action is removed and reported, the text is left as
 * written), each action gets an id (when it has none) and a cookie ({@code AddPostActionCookies}), the sealed
 * {@link PostActionCookie} that lets a click on a post that is stored nowhere reach its integration. Nothing else is
 * changed: the chat server hides the integrations from clients, as it does for stored posts.
 */
public final class EphemeralPosts {

    /** The ephemeral post to send and, in plain words, what was removed from its attachments. */
    public record Prepared(PostCommand command, List<String> removed) {
        public Prepared {
            removed = List.copyOf(removed);
        }
    }

    private final ActionCookies cookies;
    private final StoredAttachments attachments = new StoredAttachments();

    public EphemeralPosts(ActionCookies cookies) {
        this.cookies = cookies;
    }

    /**
     * For callers without the integration secrets, whose ephemeral posts carry no actions (a webhook's failure
     * notice): an ephemeral post with an action is then refused with an {@link IllegalStateException} rather than sent
     * with actions nobody could click.
     */
    public static EphemeralPosts withoutCookies() {
        return new EphemeralPosts(null);
    }

    /**
     * {@code command} (an {@code ephemeral_post}) with sanitised attachments and ids and sealed cookies on its post's
     * actions; the command itself when its post has no attachments.
     */
    public Prepared prepare(PostCommand command) {
        if (!PostCommand.EPHEMERAL_POST.equals(command.type())) {
            throw new IllegalArgumentException("command " + command.id() + " is a " + command.type()
                    + ", not an ephemeral_post");
        }
        CommandPost post = command.post();
        if (post.props().get(ResponsePostBuilder.PROP_ATTACHMENTS) == null) {
            return new Prepared(command, List.of());
        }
        StoredAttachments.Result sanitized = attachments.apply(post.props(), "props");
        if (!PostActions.any(sanitized.props())) {
            return new Prepared(command.withPost(withProps(post, sanitized.props())), sanitized.removed());
        }
        if (cookies == null) {
            throw new IllegalStateException("ephemeral post " + command.id() + " has actions, but no integration "
                    + "secrets were given to seal their cookies");
        }
        // the ephemeral post's id is its command's: a click names it, and the cookie must name the same post
        String postId = command.id();
        Map<String, Object> props = PostActions.assignIds(sanitized.props(), postId);
        Map<String, Object> retain = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String key : PostActionCookie.RETAIN_PROP_KEYS) {
            if (props.containsKey(key)) {
                retain.put(key, props.get(key));
            } else {
                remove.add(key);
            }
        }
        String root = post.rootId().isEmpty() ? postId : post.rootId();
        props = PostActions.rewrite(props, (a, i, action) -> {
            action.put("cookie", cookies.seal(new PostActionCookie(text(action.get("type")), postId, root,
                    post.channelId(), text(action.get("data_source")), integration(action.get("integration")),
                    retain, remove)));
            return action;
        });
        return new Prepared(command.withPost(withProps(post, props)), sanitized.removed());
    }

    private static CommandPost withProps(CommandPost post, Map<String, Object> props) {
        return new CommandPost(post.channelId(), post.rootId(), post.userId(), post.message(), post.type(), props,
                post.metadata());
    }

    @SuppressWarnings("unchecked")
    private static ActionIntegration integration(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            return null;
        }
        Object context = m.get("context");
        return new ActionIntegration(text(m.get("url")),
                context instanceof Map<?, ?> c ? (Map<String, Object>) c : null);
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }
}
