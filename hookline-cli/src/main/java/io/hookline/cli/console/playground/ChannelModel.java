package io.hookline.cli.console.playground;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.interact.StoredPosts;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The playground's chat server state, folded from what it reads: people's posts from {@code posts} and the commands
 * on {@code post-commands}. It stores posts as the emulated chat server of {@code hookline interact} does (a
 * {@code create_post} makes a post whose id is the command's id, an {@code update_post} replaces it, an
 * {@code ephemeral_post} exists only for its user) and tells which {@link ViewEvent}s each record causes. A dialog is
 * shown only once its user's client got the click result carrying its trigger id (Mattermost's client opens only such
 * a dialog; the two travel in different partitions, so either may come first). Pure: no I/O, no clock.
 *
 * <p>Not thread-safe: its one owner serialises access.
 */
final class ChannelModel {

    /** Older posts of a busy channel are forgotten: the playground is a window, not an archive. */
    static final int MAX_POSTS_PER_CHANNEL = 500;
    /** How many click results, unmatched dialogs and dialogs a user's client remembers. */
    static final int MAX_REMEMBERED = 200;

    private final Map<String, Shown> posts = new HashMap<>();
    private final Map<String, Deque<String>> channelPosts = new HashMap<>();
    private final Map<String, String> usernames = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> channels = new LinkedHashMap<>();
    private final Map<String, LinkedHashSet<String>> triggersByUser = new HashMap<>();
    private final Map<String, PostCommand> unmatchedDialogs = new LinkedHashMap<>();
    private final Map<String, DialogSession> dialogs = new LinkedHashMap<>();
    private final Map<String, String> submissionDialogs = new LinkedHashMap<>();
    private long sequence;

    /**
     * A post as the chat server stores it (Mattermost's post JSON, actions with their {@code integration}).
     *
     * @param visibleTo the one user who sees it (an ephemeral post); null when everyone does
     * @param sequence  arrival order, to break ties of {@code create_at}
     */
    record Shown(String id, String channelId, String visibleTo, Map<String, Object> stored, String username,
                 long sequence) {

        boolean ephemeral() {
            return visibleTo != null;
        }

        long createAt() {
            return stored.get("create_at") instanceof Number n ? n.longValue() : 0L;
        }
    }

    /**
     * A dialog opened for a user, as its form now is (a multi-step dialog's later form replaces the first).
     *
     * @param url  where its submissions go: the url it was opened with, for every step (Mattermost's client keeps it)
     * @param form the dialog being shown (callback_id, title, elements, state, notify_on_cancel...)
     */
    record DialogSession(String id, String userId, String url, JsonNode form) {
    }

    /** A person's post published on {@code posts}. */
    List<ViewEvent> apply(PostEvent event) {
        Post p = event.post();
        if (p == null || p.id().isEmpty() || p.channelId().isEmpty() || posts.containsKey(p.id())) {
            return List.of();
        }
        String username = event.user() == null ? "" : event.user().username();
        if (!username.isEmpty()) {
            usernames.put(p.userId(), username);
        }
        if (event.channel() != null) {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("id", p.channelId());
            channel.put("name", event.channel().name());
            channel.put("team_id", event.teamId());
            channel.put("team_name", event.team() == null ? "" : event.team().name());
            channels.put(p.channelId(), channel);
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", p.id());
        stored.put("create_at", p.createAt());
        stored.put("update_at", p.updateAt());
        stored.put("edit_at", p.editAt());
        stored.put("delete_at", p.deleteAt());
        stored.put("is_pinned", false);
        stored.put("user_id", p.userId());
        stored.put("channel_id", p.channelId());
        stored.put("root_id", p.rootId());
        stored.put("original_id", "");
        stored.put("message", p.message());
        stored.put("type", p.type());
        stored.put("props", p.props());
        return List.of(show(new Shown(p.id(), p.channelId(), null, stored, username, ++sequence)));
    }

    /** A command read from {@code post-commands}, stored by the broker at {@code timestamp} (epoch millis). */
    List<ViewEvent> apply(PostCommand c, long timestamp) {
        if (c == null || c.type() == null || c.id() == null) {
            return List.of();
        }
        return switch (c.type()) {
            case PostCommand.CREATE_POST -> created(c, timestamp);
            case PostCommand.EPHEMERAL_POST -> ephemeral(c, timestamp);
            case PostCommand.UPDATE_POST -> updated(c);
            case PostCommand.ACTION_RESULT -> actionResult(c);
            case PostCommand.OPEN_DIALOG -> openDialog(c);
            case PostCommand.DIALOG_RESULT -> dialogResult(c);
            case PostCommand.LOOKUP_RESULT -> List.of(new ViewEvent(ViewEvent.LOOKUP_RESULT, null, c.userId(),
                    result(c, "response", c.lookupResponse())));
            default -> List.of();
        };
    }

    /** The channel's posts {@code user} sees, oldest first, each as the stream's {@code post} event carries it. */
    List<Map<String, Object>> snapshot(String channelId, String user) {
        List<Shown> shown = new ArrayList<>();
        for (String id : channelPosts.getOrDefault(channelId, new ArrayDeque<>())) {
            Shown s = posts.get(id);
            if (s != null && (s.visibleTo() == null || s.visibleTo().equals(user))) {
                shown.add(s);
            }
        }
        shown.sort(Comparator.comparingLong(Shown::createAt).thenComparingLong(Shown::sequence));
        return shown.stream().map(ChannelModel::forClient).toList();
    }

    /** The post {@code postId} as {@code user} may click it: a stored post, or an ephemeral post of theirs. */
    Optional<Shown> clickable(String postId, String user) {
        Shown s = posts.get(postId);
        if (s == null || (s.ephemeral() && !s.visibleTo().equals(user))) {
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The dialog {@code dialogId} opened for {@code user}. */
    Optional<DialogSession> dialog(String dialogId, String user) {
        DialogSession d = dialogs.get(dialogId);
        return d != null && d.userId().equals(user) ? Optional.of(d) : Optional.empty();
    }

    /** Remembers that interaction {@code interactionId} submits dialog {@code dialogId}: its answer may be a form. */
    void submitted(String interactionId, String dialogId) {
        submissionDialogs.put(interactionId, dialogId);
        trim(submissionDialogs);
    }

    /**
     * The users and channels seen in people's posts, for the page's pickers and for user and channel menus:
     * {@code users} ({@code id}, {@code username}) and {@code channels} ({@code id}, {@code name}, {@code team_id},
     * {@code team_name}).
     */
    Map<String, Object> directory() {
        List<Map<String, Object>> users = new ArrayList<>();
        usernames.forEach((id, name) -> users.add(Map.of("id", id, "username", name)));
        return Map.of("users", users, "channels", List.copyOf(channels.values()));
    }

    /** The username a user posted under, or empty. */
    String username(String userId) {
        return usernames.getOrDefault(userId, "");
    }

    private List<ViewEvent> created(PostCommand c, long timestamp) {
        if (c.post() == null || posts.containsKey(c.id())) {
            return List.of();
        }
        Map<String, Object> stored = StoredPosts.created(c.id(), c.post(), timestamp);
        return List.of(show(new Shown(c.id(), c.post().channelId(), null, stored,
                username(c.post().userId()), ++sequence)));
    }

    private List<ViewEvent> ephemeral(PostCommand c, long timestamp) {
        if (c.post() == null || c.userId() == null || posts.containsKey(c.id())) {
            return List.of();
        }
        Map<String, Object> stored = StoredPosts.created(c.id(), c.post(), timestamp);
        stored.put("type", "system_ephemeral");
        return List.of(show(new Shown(c.id(), c.post().channelId(), c.userId(), stored,
                username(c.post().userId()), ++sequence)));
    }

    private List<ViewEvent> updated(PostCommand c) {
        if (c.updatedPost() == null) {
            return List.of();
        }
        String id = Objects.toString(c.updatedPost().get("id"), "");
        Shown old = posts.get(id);
        if (old == null || old.ephemeral()) {
            return List.of();
        }
        Shown now = new Shown(id, old.channelId(), null, StoredPosts.updated(id, c.updatedPost()), old.username(),
                old.sequence());
        posts.put(id, now);
        return List.of(new ViewEvent(ViewEvent.POST, now.channelId(), null, forClient(now)));
    }

    private List<ViewEvent> actionResult(PostCommand c) {
        if (c.userId() == null) {
            return List.of();
        }
        List<ViewEvent> events = new ArrayList<>();
        Map<String, Object> data = result(c, "response", c.actionResponse() == null ? null
                : Json.mapper().valueToTree(c.actionResponse()));
        events.add(new ViewEvent(ViewEvent.ACTION_RESULT, null, c.userId(), data));
        String trigger = c.actionResponse() == null ? null : c.actionResponse().triggerId();
        if (trigger != null && !trigger.isEmpty()) {
            LinkedHashSet<String> known = triggersByUser.computeIfAbsent(c.userId(), u -> new LinkedHashSet<>());
            known.add(trigger);
            var oldest = known.iterator();
            while (known.size() > MAX_REMEMBERED) {
                oldest.next();
                oldest.remove();
            }
            PostCommand waiting = unmatchedDialogs.remove(trigger);
            if (waiting != null && c.userId().equals(waiting.userId())) {
                events.add(opened(waiting));
            }
        }
        return events;
    }

    private List<ViewEvent> openDialog(PostCommand c) {
        if (c.userId() == null || c.dialog() == null || dialogs.containsKey(c.id())) {
            return List.of();
        }
        String trigger = c.dialog().path("trigger_id").asText("");
        if (triggersByUser.getOrDefault(c.userId(), new LinkedHashSet<>()).contains(trigger)) {
            return List.of(opened(c));
        }
        unmatchedDialogs.put(trigger, c);
        trim(unmatchedDialogs);
        return List.of();
    }

    private ViewEvent opened(PostCommand c) {
        dialogs.put(c.id(), new DialogSession(c.id(), c.userId(), c.dialog().path("url").asText(""),
                c.dialog().path("dialog")));
        trim(dialogs);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dialog_id", c.id());
        data.put("trigger_id", c.dialog().path("trigger_id").asText(""));
        data.put("dialog", c.dialog().path("dialog"));
        return new ViewEvent(ViewEvent.OPEN_DIALOG, null, c.userId(), data);
    }

    private List<ViewEvent> dialogResult(PostCommand c) {
        String dialogId = submissionDialogs.get(c.interactionId());
        JsonNode response = c.dialogResponse();
        if (dialogId != null && response != null && "form".equals(response.path("type").asText())
                && response.path("form").isObject()) {
            DialogSession d = dialogs.get(dialogId);
            if (d != null) {
                dialogs.put(dialogId, new DialogSession(d.id(), d.userId(), d.url(), response.path("form")));
            }
        }
        Map<String, Object> data = result(c, "response", response);
        data.put("dialog_id", dialogId);
        return List.of(new ViewEvent(ViewEvent.DIALOG_RESULT, null, c.userId(), data));
    }

    private ViewEvent show(Shown s) {
        posts.put(s.id(), s);
        Deque<String> ids = channelPosts.computeIfAbsent(s.channelId(), ch -> new ArrayDeque<>());
        ids.addLast(s.id());
        while (ids.size() > MAX_POSTS_PER_CHANNEL) {
            posts.remove(ids.removeFirst());
        }
        return new ViewEvent(ViewEvent.POST, s.channelId(), s.visibleTo(), forClient(s));
    }

    private static Map<String, Object> result(PostCommand c, String key, Object response) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("interaction_id", c.interactionId());
        data.put(key, response);
        data.put("error", c.error());
        return data;
    }

    /**
     * What the page gets for a post: Mattermost's post JSON without any action's {@code integration} (the chat
     * server never shows it to clients), whether it is ephemeral, and the author's username when known.
     */
    static Map<String, Object> forClient(Shown s) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("post", withoutIntegrations(s.stored()));
        data.put("ephemeral", s.ephemeral());
        data.put("username", s.username());
        return data;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutIntegrations(Map<String, Object> post) {
        Map<String, Object> copy = new LinkedHashMap<>(post);
        if (!(post.get("props") instanceof Map<?, ?> props)) {
            return copy;
        }
        Map<String, Object> propsCopy = new LinkedHashMap<>((Map<String, Object>) props);
        if (props.get("attachments") instanceof List<?> attachments) {
            List<Object> attachmentsCopy = new ArrayList<>();
            for (Object a : attachments) {
                if (a instanceof Map<?, ?> attachment && attachment.get("actions") instanceof List<?> actions) {
                    Map<String, Object> attachmentCopy = new LinkedHashMap<>((Map<String, Object>) attachment);
                    List<Object> actionsCopy = new ArrayList<>();
                    for (Object action : actions) {
                        if (action instanceof Map<?, ?> m) {
                            Map<String, Object> actionCopy = new LinkedHashMap<>((Map<String, Object>) m);
                            actionCopy.remove("integration");
                            actionsCopy.add(actionCopy);
                        } else {
                            actionsCopy.add(action);
                        }
                    }
                    attachmentCopy.put("actions", actionsCopy);
                    attachmentsCopy.add(attachmentCopy);
                } else {
                    attachmentsCopy.add(a);
                }
            }
            propsCopy.put("attachments", attachmentsCopy);
        }
        copy.put("props", propsCopy);
        return copy;
    }

    private static void trim(Map<String, ?> remembered) {
        var it = remembered.keySet().iterator();
        while (remembered.size() > MAX_REMEMBERED && it.hasNext()) {
            it.next();
            it.remove();
        }
    }
}
