package io.hookline.cli.interact;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a chat server does when a person clicks a button or picks a menu option: find the clicked post (stored, or an
 * ephemeral one known only from its command) and the action on it, and write the {@code post_action} event. Pure.
 */
public final class Clicks {

    private Clicks() {
    }

    /**
     * The clicked post: a stored post (rebuilt with every update), or an ephemeral post, whose actions carry the
     * cookie the click sends instead of the post.
     *
     * @param commandId the id of the command that made the post
     * @param stored    the post as stored; null for an ephemeral post
     * @param props     the props holding the attachments and their actions
     */
    public record Clicked(String commandId, Map<String, Object> stored, Map<String, Object> props, String channelId) {

        public boolean ephemeral() {
            return stored == null;
        }
    }

    /**
     * The post {@code postCommandIdOrLast} names ({@code last}: the newest create_post), as the chat server knows it
     * after every command in {@code log}.
     */
    static Clicked clicked(String postCommandIdOrLast, List<LoggedCommand> log) {
        String postCommandId = LoggedCommand.resolve(postCommandIdOrLast, PostCommand.CREATE_POST, log);
        for (LoggedCommand logged : log) {
            PostCommand c = logged.command();
            if (postCommandId.equals(c.id()) && PostCommand.EPHEMERAL_POST.equals(c.type())) {
                return new Clicked(c.id(), null, c.post() == null ? Map.of() : c.post().props(),
                        c.post() == null ? "" : c.post().channelId());
            }
        }
        Map<String, Object> stored = StoredPosts.find(postCommandId, log);
        return new Clicked(postCommandId, stored, asMap(stored.get("props")),
                Objects.toString(stored.get("channel_id"), ""));
    }

    /**
     * The action with id {@code actionId} (the first one, as Mattermost looks it up), or else the one named
     * {@code name}. @throws CliFailure listing the post's actions when there is no such action, or when the name is
     * ambiguous
     */
    public static Map<String, Object> action(Map<String, Object> props, String name, String actionId) {
        List<Map<String, Object>> actions = actionsOf(props);
        if (actions.isEmpty()) {
            throw new CliFailure("the post has no actions (no buttons or menus in its attachments)");
        }
        if (actionId != null && !actionId.isEmpty()) {
            return actions.stream().filter(a -> actionId.equals(a.get("id"))).findFirst()
                    .orElseThrow(() -> new CliFailure("the post has no action with id '" + actionId + "'; its actions: "
                            + describe(actions)));
        }
        List<Map<String, Object>> named = actions.stream().filter(a -> Objects.equals(name, a.get("name"))).toList();
        if (named.isEmpty()) {
            throw new CliFailure("the post has no action named '" + name + "'; its actions: " + describe(actions));
        }
        Set<Object> ids = new LinkedHashSet<>();
        named.forEach(a -> ids.add(a.get("id")));
        if (ids.size() > 1) {
            throw new CliFailure("several actions are named '" + name + "' (ids " + ids + "): choose one with "
                    + "--action-id");
        }
        return named.get(0);
    }

    /**
     * The {@code selected_option} a client sends for this action: empty for a button, the chosen value for a menu.
     * Static menus offer only their options; user and channel menus take any id.
     */
    public static String selectedOption(Map<String, Object> action, String option) {
        String name = String.valueOf(action.get("name"));
        if (!"select".equals(action.get("type"))) {
            if (option != null) {
                throw new CliFailure("'" + name + "' is a button: --option is only for menus (select actions)");
            }
            return "";
        }
        List<String> values = new ArrayList<>();
        if (action.get("options") instanceof List<?> options) {
            for (Object o : options) {
                if (o instanceof Map<?, ?> m && m.get("value") != null) {
                    values.add(String.valueOf(m.get("value")));
                }
            }
        }
        Object dataSource = action.get("data_source");
        boolean staticMenu = dataSource == null || "".equals(dataSource);
        if (option == null || option.isEmpty()) {
            throw new CliFailure("'" + name + "' is a menu: choose with --option "
                    + (staticMenu ? "(one of " + String.join(", ", values) + ")" : "(a " + dataSource + " id)"));
        }
        if (staticMenu && !values.contains(option)) {
            throw new CliFailure("'" + name + "' has no option '" + option + "'; its options: "
                    + String.join(", ", values));
        }
        return option;
    }

    /** The event a chat server writes for the click. */
    public static InteractionEvent event(String eventId, Clicked clicked, Map<String, Object> action,
                                         String selectedOption, User user, Channel channel, Team team) {
        String actionId = String.valueOf(action.getOrDefault("id", ""));
        if (clicked.ephemeral()) {
            Object cookie = action.get("cookie");
            if (!(cookie instanceof String s) || s.isEmpty()) {
                throw new CliFailure("the ephemeral post's action '" + action.get("name") + "' has no cookie: "
                        + "it cannot be clicked");
            }
            return InteractionEvent.postActionWithCookie(eventId, actionId, selectedOption, s, user, channel, team);
        }
        return InteractionEvent.postAction(eventId, actionId, selectedOption, clicked.stored(), user, channel, team);
    }

    private static List<Map<String, Object>> actionsOf(Map<String, Object> props) {
        List<Map<String, Object>> all = new ArrayList<>();
        if (props.get("attachments") instanceof List<?> attachments) {
            for (Object attachment : attachments) {
                if (attachment instanceof Map<?, ?> a && a.get("actions") instanceof List<?> actions) {
                    for (Object action : actions) {
                        if (action instanceof Map<?, ?> m) {
                            all.add(asMap(m));
                        }
                    }
                }
            }
        }
        return all;
    }

    private static String describe(List<Map<String, Object>> actions) {
        List<String> shown = new ArrayList<>();
        for (Map<String, Object> a : actions) {
            shown.add("'" + a.get("name") + "' (id " + a.get("id") + ", " + a.getOrDefault("type", "button") + ")");
        }
        return String.join(", ", shown);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
