package io.hookline.dispatcher.interaction;

import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.schemas.Ids;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mattermost's resolution of a click ({@code DoPostActionWithCookie}), free of I/O: the clicked action of a stored
 * post, or the action an ephemeral post's cookie carries, as one {@link PostActionCookie}; or the error Mattermost
 * answers instead. The event is assumed usable ({@link InteractionEvents#problem} is null).
 */
final class ClickResolution {

    /** Mattermost's route accepts only such action ids; any other id cannot be clicked. */
    private static final Pattern ROUTE_ACTION_ID = Pattern.compile("[A-Za-z0-9]+");

    private ClickResolution() {
    }

    /**
     * Resolves a click: the stored post when the event has it (a cookie is then ignored, as Mattermost ignores it
     * when it finds the post), else the cookie, opened with the installation's key.
     */
    static Resolution resolve(InteractionEvent event, ActionCookies cookies) {
        if (event.post() != null) {
            return ofStoredPost(event);
        }
        if (event.cookie().isEmpty()) {
            return withoutPost(event);
        }
        AppError unroutable = unroutable(event);
        if (unroutable != null) {
            return Resolution.refused(unroutable);
        }
        PostActionCookie cookie;
        try {
            cookie = cookies.open(event.cookie());
        } catch (ActionCookies.CookieException e) {
            return Resolution.refused(AppError.actionIntegration(e.getMessage()));
        }
        return ofCookie(event, cookie);
    }

    /** The route's check, which both paths pass first. Null when the action id can be clicked. */
    static AppError unroutable(InteractionEvent event) {
        if (!ROUTE_ACTION_ID.matcher(event.actionId()).matches()) {
            return InteractionErrors.invalidActionId("action id '" + event.actionId()
                    + "' does not match [A-Za-z0-9]+, so Mattermost's route cannot reach it");
        }
        return null;
    }

    /**
     * A click on a stored post: the first action with the id across all attachments; it must have an integration.
     * Retains the post's from_webhook, override_username and override_icon_url, and marks those it lacks for removal.
     */
    static Resolution ofStoredPost(InteractionEvent event) {
        AppError unroutable = unroutable(event);
        if (unroutable != null) {
            return Resolution.refused(unroutable);
        }
        Map<String, Object> post = event.post();
        Map<?, ?> props = post.get("props") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> action = firstAction(props, event.actionId());
        if (action == null) {
            return Resolution.refused(InteractionErrors.invalidActionId("action " + event.actionId()
                    + " is not on post " + post.get("id")));
        }
        if (!(action.get("integration") instanceof Map<?, ?> integration)) {
            return Resolution.refused(InteractionErrors.invalidActionId("action " + event.actionId()
                    + " has no integration"));
        }
        Map<String, Object> retain = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        for (String key : PostActionCookie.RETAIN_PROP_KEYS) {
            if (props.containsKey(key)) {
                retain.put(key, props.get(key));
            } else {
                remove.add(key);
            }
        }
        String postId = (String) post.get("id");
        String rootId = post.get("root_id") instanceof String r ? r : "";
        return Resolution.resolved(new PostActionCookie(
                text(action.get("type")),
                postId,
                rootId.isEmpty() ? postId : rootId,
                event.channel().id(),
                text(action.get("data_source")),
                new ActionIntegration(text(integration.get("url")), context(integration.get("context"))),
                retain,
                remove));
    }

    /**
     * A click on an ephemeral post, whose action came back in its (already decrypted) cookie. Mattermost compares the
     * cookie's post id with the post id of the URL; the event carries no other post id, so a cookie without a valid
     * one is what can never match. The chat server vouches only for the event's channel, which Mattermost would check
     * read permission on: a cookie of another channel is refused as that permission missing.
     */
    static Resolution ofCookie(InteractionEvent event, PostActionCookie cookie) {
        AppError unroutable = unroutable(event);
        if (unroutable != null) {
            return Resolution.refused(unroutable);
        }
        if (cookie.integration() == null) {
            return Resolution.refused(AppError.actionIntegration("no Integration in action cookie"));
        }
        if (!Ids.isValid(cookie.postId())) {
            return Resolution.refused(AppError.actionIntegration("postId doesn't match"));
        }
        if (!cookie.channelId().equals(event.channel().id())) {
            return Resolution.refused(InteractionErrors.noPermission(event.user().id(), "read_channel_content"));
        }
        return Resolution.resolved(cookie);
    }

    /** Neither a stored post nor a cookie: Mattermost found no post. */
    static Resolution withoutPost(InteractionEvent event) {
        AppError unroutable = unroutable(event);
        return Resolution.refused(unroutable != null ? unroutable
                : InteractionErrors.postNotFound("the event carries neither the post nor a cookie"));
    }

    /** {@code Post.GetAction}: the first match across all attachments; duplicates are not detected. */
    private static Map<?, ?> firstAction(Map<?, ?> props, String actionId) {
        if (!(props.get("attachments") instanceof List<?> attachments)) {
            return null;
        }
        for (Object attachment : attachments) {
            if (attachment instanceof Map<?, ?> a && a.get("actions") instanceof List<?> actions) {
                for (Object action : actions) {
                    if (action instanceof Map<?, ?> candidate && actionId.equals(candidate.get("id"))) {
                        return candidate;
                    }
                }
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(Object value) {
        return value instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : null;
    }
}
