package io.hookline.ingestor.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.ingestor.outcome.CommandSize;
import io.hookline.ingestor.post.PostActions;
import io.hookline.ingestor.post.PostLimits;
import io.hookline.ingestor.post.PropsSize;
import io.hookline.ingestor.post.ResponsePostBuilder;
import io.hookline.ingestor.post.StoredAttachments;
import io.hookline.ingestor.response.PostActionIntegrationResponse.PostUpdate;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mattermost's handling of an action's {@code update} ({@code DoPostActionWithCookie} then a non-safe
 * {@code UpdatePost}), applied to the clicked post as the chat server stored it. Pure: the time of the edit is given
 * (the outcome's completion time), so a replay gives the same post.
 *
 * <ul>
 *   <li>the id is the clicked post's, whatever the update says;</li>
 *   <li>props: absent or null keeps the original ones; present (even {@code {}}) replaces them all, then the three
 *       retain keys get their original values back, or are removed when the original had none;
 *       {@code add_channel_member} and {@code force_notification} are always stripped;</li>
 *   <li>message and file ids are replaced, even when omitted (then "" and none); a new message gets its
 *       hashtags;</li>
 *   <li>{@code metadata} is the update's when present (without embeds), else kept;</li>
 *   <li>everything else ({@code is_pinned}, {@code has_reactions}, {@code type}, {@code user_id},
 *       {@code channel_id}, {@code root_id}, {@code create_at}, ...) is the original's;</li>
 *   <li>the update's attachments are stored as Mattermost stores them and sanitised ({@link StoredAttachments}: one
 *       that does not decode is dropped, an invalid link, colour or action is removed and reported, the text is kept
 *       as written); kept original props are the chat server's, already stored;</li>
 *   <li>actions without an id get one; {@code edit_at} is set when the message, the file ids or the attachments
 *       changed; {@code update_at} always;</li>
 *   <li>refused, as Mattermost refuses it: a deleted post, a system message, a message or props over the limits,
 *       and (Hookline's limit) a post too large for a command ({@link #tooLarge}).</li>
 * </ul>
 */
final class PostUpdater {

    static final String PROPS = "props";
    static final String MESSAGE = "message";
    static final String FILE_IDS = "file_ids";
    static final String METADATA = "metadata";

    private static final String MESSAGE_LENGTH = "model.post.is_valid.message_length.app_error";
    private static final String MESSAGE_LENGTH_TEXT = "Post Message property is longer than the maximum permitted "
            + "length.";
    private static final String INVALID_PROPS = "model.post.is_valid.props.app_error";
    private static final String INVALID_PROPS_TEXT = "Invalid props.";

    /**
     * The post to store instead of the clicked one, or why Mattermost refuses the update; and, in plain words, what
     * sanitising removed from the update's attachments.
     */
    record Result(Map<String, Object> post, AppError error, List<String> removed) {
        Result {
            removed = List.copyOf(removed);
        }
    }

    private final StoredAttachments attachments = new StoredAttachments();

    /**
     * @param original      the clicked post as stored (Mattermost's post JSON)
     * @param action        what the click resolved to: the clicked post's id and the retain/remove sets
     * @param interactionId owner of the generated action ids
     * @param atMillis      the time of the edit
     */
    Result apply(Map<String, Object> original, PostUpdate update, PostActionCookie action, String interactionId,
                 long atMillis) {
        String postId = action.postId().isEmpty() ? text(original.get("id")) : action.postId();
        if (original.get("delete_at") instanceof Number deleted && deleted.longValue() != 0) {
            return refused(new AppError("api.post.update_post.permissions_details.app_error",
                    "Already deleted id=" + postId + ".", "", 400));
        }
        if (text(original.get("type")).startsWith("system_")) {
            return refused(new AppError("api.post.update_post.system_message.app_error",
                    "Unable to update system message.", "id=" + postId, 400));
        }
        Map<String, Object> originalProps = map(original.get(PROPS));
        Map<String, Object> props;
        List<String> removed = List.of();
        if (update.props() == null) {
            props = new LinkedHashMap<>(originalProps);
        } else {
            StoredAttachments.Result stored = attachments.apply(update.props(), "update.props");
            props = stored.props();
            removed = stored.removed();
            props.putAll(action.retainProps());
            action.removeProps().forEach(props::remove);
        }
        props.remove("add_channel_member");
        props.remove("force_notification");

        String message = update.message();
        boolean messageChanged = !message.equals(text(original.get(MESSAGE)));
        List<String> fileIds = update.fileIds() == null ? List.of() : List.copyOf(update.fileIds());
        boolean edited = messageChanged
                || !sameJson(orEmptyList(original.get(FILE_IDS)), fileIds)
                || !sameJson(orEmptyList(originalProps.get(ResponsePostBuilder.PROP_ATTACHMENTS)),
                        orEmptyList(props.get(ResponsePostBuilder.PROP_ATTACHMENTS)));
        props = PostActions.assignIds(props, interactionId);

        int messageRunes = PropsSize.codePoints(message);
        if (messageRunes > PostLimits.MESSAGE_RUNES) {
            return refused(new AppError(MESSAGE_LENGTH, MESSAGE_LENGTH_TEXT,
                    "id=" + postId + ": the message is " + messageRunes + " runes, more than "
                            + PostLimits.MESSAGE_RUNES, 400));
        }
        int propsRunes = PropsSize.runes(props);
        if (propsRunes > PostLimits.PROPS_RUNES) {
            return refused(new AppError(INVALID_PROPS, INVALID_PROPS_TEXT,
                    "id=" + postId + ": the props are " + propsRunes + " runes of JSON, more than "
                            + PostLimits.PROPS_RUNES, 400));
        }

        Map<String, Object> post = new LinkedHashMap<>(original);
        post.put("id", postId);
        post.put(MESSAGE, message);
        if (messageChanged) {
            post.put("hashtags", Hashtags.of(message));
        }
        post.put(PROPS, props);
        post.put(FILE_IDS, fileIds);
        if (update.metadata() != null) {
            Map<String, Object> metadata = new LinkedHashMap<>(update.metadata());
            metadata.remove("embeds");
            post.put(METADATA, metadata);
        }
        if (edited) {
            post.put("edit_at", atMillis);
        }
        post.put("update_at", atMillis);
        return new Result(post, null, removed);
    }

    /**
     * Why an updated post too large for a post command cannot be stored, in Mattermost's words for a post it cannot
     * save: the message-length error when the message is the largest part of it, else "Invalid props.". Mattermost
     * has no such limit; without this answer the click would get none at all.
     *
     * @param post         the updated post, as {@link #apply} made it
     * @param commandBytes the size of the command that would carry it
     */
    static AppError tooLarge(Map<String, Object> post, int commandBytes) {
        int message = jsonBytes(post.get(MESSAGE));
        int props = jsonBytes(post.get(PROPS));
        int metadata = jsonBytes(post.get(METADATA));
        String detail = "id=" + text(post.get("id")) + ": the updated post would be " + commandBytes + " bytes as a "
                + "post command, more than the " + CommandSize.MAX_BYTES + " a Kafka record may have (message "
                + message + " bytes, props " + props + " bytes, metadata " + metadata + " bytes)";
        if (message > props && message > metadata) {
            return new AppError(MESSAGE_LENGTH, MESSAGE_LENGTH_TEXT, detail, 400);
        }
        return new AppError(INVALID_PROPS, INVALID_PROPS_TEXT, detail, 400);
    }

    private static Result refused(AppError error) {
        return new Result(null, error, List.of());
    }

    private static int jsonBytes(Object value) {
        return value == null ? 0 : Json.mapper().valueToTree(value).toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String text(Object value) {
        return value instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Mattermost compares decoded lists: a missing or null list equals an empty one. */
    private static Object orEmptyList(Object value) {
        return value == null ? List.of() : value;
    }

    /** Equal as JSON, whatever Java types hold the values (both sides go through the same mapper). */
    private static boolean sameJson(Object a, Object b) {
        JsonNode x = Json.mapper().valueToTree(a);
        JsonNode y = Json.mapper().valueToTree(b);
        return x.equals(y) || x.toString().equals(y.toString());
    }
}
