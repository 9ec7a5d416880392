package io.hookline.cli.interact;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The posts the emulated chat server stores, rebuilt from {@code post-commands}: a {@code create_post} command makes
 * a post, and each later {@code update_post} for it replaces it (the ingestor has already applied Mattermost's update
 * rules). Convention of this emulation: the stored post's id is the id of the command that created it; a real chat
 * server gives the post its own id.
 */
public final class StoredPosts {

    private StoredPosts() {
    }

    /**
     * The post {@code postId} as stored after every command in {@code log}, in Mattermost's post JSON.
     *
     * @throws CliFailure naming the id when no {@code create_post} command has it
     */
    static Map<String, Object> find(String postId, List<LoggedCommand> log) {
        Map<String, Object> stored = null;
        for (LoggedCommand logged : log) {
            PostCommand c = logged.command();
            if (postId.equals(c.id()) && stored == null) {
                if (!PostCommand.CREATE_POST.equals(c.type())) {
                    throw new CliFailure("command " + postId + " on post-commands is " + article(c.type())
                            + ", not a create_post: --post takes the id of a create_post command");
                }
                stored = created(c.id(), c.post(), logged.timestamp());
            } else if (stored != null && PostCommand.UPDATE_POST.equals(c.type()) && c.updatedPost() != null
                    && postId.equals(c.updatedPost().get("id"))) {
                stored = updated(postId, c.updatedPost());
            }
        }
        if (stored == null) {
            throw new CliFailure("no create_post command with id " + postId + " on post-commands ("
                    + log.size() + " commands read); `hookline tail post-commands` lists them");
        }
        return stored;
    }

    /** The post a chat server stores for {@code post}, created at {@code createAt} (epoch millis). */
    public static Map<String, Object> created(String id, CommandPost post, long createAt) {
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("id", id);
        stored.put("create_at", createAt);
        stored.put("update_at", createAt);
        stored.put("edit_at", 0L);
        stored.put("delete_at", 0L);
        stored.put("is_pinned", false);
        stored.put("user_id", post.userId());
        stored.put("channel_id", post.channelId());
        stored.put("root_id", post.rootId());
        stored.put("original_id", "");
        stored.put("message", post.message());
        stored.put("type", post.type());
        stored.put("props", post.props());
        stored.put("hashtags", "");
        stored.put("pending_post_id", "");
        if (post.metadata() != null && !post.metadata().isEmpty()) {
            stored.put("metadata", post.metadata());
        }
        return stored;
    }

    /** The stored post after an {@code update_post}: replaced by the updated post, under the same id. */
    public static Map<String, Object> updated(String id, Map<String, Object> updatedPost) {
        Map<String, Object> stored = new LinkedHashMap<>(updatedPost);
        stored.put("id", id);
        return stored;
    }

    static String article(String type) {
        return (type != null && !type.isEmpty() && "aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }
}
