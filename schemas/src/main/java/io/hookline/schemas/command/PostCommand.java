package io.hookline.schemas.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.AppError;
import java.util.Map;

/**
 * The value of {@code post-commands}: something for the chat server to do. Key: the channel id, except for
 * {@code open_dialog}, keyed by the user id (a dialog is opened for a person; the trigger id names no channel).
 *
 * <ul>
 *   <li>{@link #CREATE_POST}: {@code post} is the body of {@code POST /api/v4/posts}.</li>
 *   <li>{@link #EPHEMERAL_POST}: {@code post} shown to {@code user_id} only ({@code POST /api/v4/posts/ephemeral}).</li>
 *   <li>{@link #UPDATE_POST}: {@code updated_post} is the clicked post after an action's update (Mattermost's update
 *       semantics already applied: replace the stored post with it).</li>
 *   <li>{@link #ACTION_RESULT}: to the clicker ({@code user_id}): {@code action_response} when the action worked,
 *       else {@code error}.</li>
 *   <li>{@link #OPEN_DIALOG}: open {@code dialog} (an {@code OpenDialogRequest} with the short client trigger id, as
 *       Mattermost re-serialises it) for {@code user_id}.</li>
 *   <li>{@link #DIALOG_RESULT}: the integration's validated answer to a submission ({@code dialog_response}), or
 *       {@code error}.</li>
 *   <li>{@link #LOOKUP_RESULT}: the options of a dynamic select ({@code lookup_response}: {@code {"items": ...}}), or
 *       {@code error}.</li>
 * </ul>
 *
 * @param id            deterministic: the same delivery or interaction always gives the same id, so the consumer can
 *                      drop repeats
 * @param userId        the one user an ephemeral post, action result, dialog or dialog answer is for; null otherwise
 * @param origin        for posts answering a webhook delivery: which one
 * @param interactionId for everything answering an interaction: the id of the {@code interactions} event
 */
public record PostCommand(
        String id,
        String type,
        String userId,
        CommandPost post,
        CommandOrigin origin,
        String interactionId,
        Map<String, Object> updatedPost,
        ActionResponse actionResponse,
        AppError error,
        JsonNode dialog,
        JsonNode dialogResponse,
        JsonNode lookupResponse) {

    public static final String CREATE_POST = "create_post";
    public static final String EPHEMERAL_POST = "ephemeral_post";
    public static final String UPDATE_POST = "update_post";
    public static final String ACTION_RESULT = "action_result";
    public static final String OPEN_DIALOG = "open_dialog";
    public static final String DIALOG_RESULT = "dialog_result";
    public static final String LOOKUP_RESULT = "lookup_result";

    /** A post answering a webhook delivery ({@link #CREATE_POST} or {@link #EPHEMERAL_POST}). */
    public PostCommand(String id, String type, String userId, CommandPost post, CommandOrigin origin) {
        this(id, type, userId, post, origin, null, null, null, null, null, null, null);
    }

    /** This command with {@code post} instead of its own (the chat server's preparation of an ephemeral post). */
    public PostCommand withPost(CommandPost post) {
        return new PostCommand(id, type, userId, post, origin, interactionId, updatedPost, actionResponse, error,
                dialog, dialogResponse, lookupResponse);
    }

    /** An ephemeral post answering an interaction (an action's {@code ephemeral_text}). */
    public static PostCommand ephemeralPost(String id, String interactionId, String userId, CommandPost post) {
        return new PostCommand(id, EPHEMERAL_POST, userId, post, null, interactionId, null, null, null, null, null,
                null);
    }

    public static PostCommand updatePost(String id, String interactionId, Map<String, Object> updatedPost) {
        return new PostCommand(id, UPDATE_POST, null, null, null, interactionId, updatedPost, null, null, null, null,
                null);
    }

    public static PostCommand actionResult(String id, String interactionId, String userId, ActionResponse response,
                                           AppError error) {
        return new PostCommand(id, ACTION_RESULT, userId, null, null, interactionId, null, response, error, null,
                null, null);
    }

    public static PostCommand openDialog(String id, String interactionId, String userId, JsonNode dialog) {
        return new PostCommand(id, OPEN_DIALOG, userId, null, null, interactionId, null, null, null, dialog, null,
                null);
    }

    public static PostCommand dialogResult(String id, String interactionId, String userId, JsonNode response,
                                           AppError error) {
        return new PostCommand(id, DIALOG_RESULT, userId, null, null, interactionId, null, null, error, null,
                response, null);
    }

    public static PostCommand lookupResult(String id, String interactionId, String userId, JsonNode response,
                                           AppError error) {
        return new PostCommand(id, LOOKUP_RESULT, userId, null, null, interactionId, null, null, error, null, null,
                response);
    }
}
