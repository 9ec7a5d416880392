package io.hookline.dispatcher.interaction;

import io.hookline.schemas.Ids;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Interactions as the chat server writes them, for the tests of this package (and the lane's). */
public final class Clicks {

    public static final String EVENT_ID = Ids.deterministic("event", "1");
    public static final String USER_ID = Ids.deterministic("user", "alice");
    public static final String CHANNEL_ID = Ids.deterministic("channel", "ops");
    public static final String TEAM_ID = Ids.deterministic("team", "acme");
    public static final String POST_ID = Ids.deterministic("post", "poll");
    public static final String ROOT_ID = Ids.deterministic("post", "root");

    public static final User ALICE = new User(USER_ID, "alice");
    public static final Channel OPS = new Channel(CHANNEL_ID, "ops", "Ops", Channel.OPEN, TEAM_ID);
    public static final Team ACME = new Team(TEAM_ID, "acme", "Acme");

    private Clicks() {
    }

    /** An action as stored on a post: with its integration, or without one when {@code url} is null. */
    public static Map<String, Object> action(String id, String type, String url, Map<String, Object> context) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", id);
        a.put("type", type);
        a.put("name", "Label of " + id);
        if (url != null) {
            Map<String, Object> integration = new LinkedHashMap<>();
            integration.put("url", url);
            if (context != null) {
                integration.put("context", context);
            }
            a.put("integration", integration);
        }
        return a;
    }

    /** A stored post whose attachments hold {@code actionsByAttachment}, with these extra props. */
    @SafeVarargs
    public static Map<String, Object> post(String rootId, Map<String, Object> extraProps,
                                           List<Map<String, Object>>... actionsByAttachment) {
        List<Object> attachments = new ArrayList<>();
        for (List<Map<String, Object>> actions : actionsByAttachment) {
            Map<String, Object> attachment = new LinkedHashMap<>();
            attachment.put("text", "Pick one");
            attachment.put("actions", new ArrayList<>(actions));
            attachments.add(attachment);
        }
        Map<String, Object> props = new LinkedHashMap<>(extraProps);
        props.put("attachments", attachments);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", POST_ID);
        post.put("channel_id", CHANNEL_ID);
        post.put("root_id", rootId);
        post.put("type", "slack_attachment");
        post.put("props", props);
        return post;
    }

    public static InteractionEvent click(String actionId, String selected, Map<String, Object> post) {
        return InteractionEvent.postAction(EVENT_ID, actionId, selected, post, ALICE, OPS, ACME);
    }

    public static InteractionEvent cookieClick(String actionId, String selected, String cookie) {
        return InteractionEvent.postActionWithCookie(EVENT_ID, actionId, selected, cookie, ALICE, OPS, ACME);
    }
}
