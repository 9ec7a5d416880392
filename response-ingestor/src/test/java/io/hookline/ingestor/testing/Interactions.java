package io.hookline.ingestor.testing;

import io.hookline.schemas.Ids;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interactions for tests: a click on a stored webhook post with one button (the post as the chat server stores it), a
 * click on an ephemeral post (a cookie instead of the post), and their outcomes as the dispatcher writes them.
 */
public final class Interactions {

    public static final String EVENT_ID = Ids.deterministic("interaction");
    public static final String CLICKER_ID = Ids.deterministic("clicker");
    public static final String CLICKED_POST_ID = Ids.deterministic("clicked-post");
    public static final String ACTION_ID = Ids.deterministic("pizza-action");
    public static final String CLIENT_TRIGGER_ID = Ids.deterministic(EVENT_ID, "trigger");
    public static final String CALLBACK = "http://127.0.0.1:9/vote";
    public static final long CREATED_AT = 1764150000000L;
    public static final long COMPLETED_AT = 1764150009000L;

    private Interactions() {
    }

    /** The clicked post as stored: a webhook's post, pinned, with reactions, a file, one button and a priority. */
    public static Map<String, Object> storedPost() {
        Map<String, Object> integration = new LinkedHashMap<>();
        integration.put("url", CALLBACK);
        integration.put("context", Map.of("choice", "pizza"));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", ACTION_ID);
        action.put("type", "button");
        action.put("name", "Pizza");
        action.put("integration", integration);
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("text", "Pick one");
        attachment.put("actions", new ArrayList<>(List.of(action)));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("from_webhook", "true");
        props.put("override_username", "pollbot");
        props.put("webhook_display_name", "Poll");
        props.put("attachments", new ArrayList<>(List.of(attachment)));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", CLICKED_POST_ID);
        post.put("create_at", CREATED_AT);
        post.put("update_at", CREATED_AT);
        post.put("edit_at", 0L);
        post.put("delete_at", 0L);
        post.put("is_pinned", true);
        post.put("user_id", Fixtures.CREATOR_ID);
        post.put("channel_id", Fixtures.CHANNEL_ID);
        post.put("root_id", "");
        post.put("original_id", "");
        post.put("message", "Lunch?");
        post.put("type", "slack_attachment");
        post.put("props", props);
        post.put("hashtags", "");
        post.put("file_ids", List.of("file1"));
        post.put("pending_post_id", "");
        post.put("has_reactions", true);
        post.put("metadata", Map.of("priority", Map.of("priority", "important")));
        return post;
    }

    /** What a click on {@link #storedPost()} resolves to: the retain set is the post's from_webhook and username. */
    public static PostActionCookie resolvedAction() {
        Map<String, Object> retain = new LinkedHashMap<>();
        retain.put("from_webhook", "true");
        retain.put("override_username", "pollbot");
        return new PostActionCookie("button", CLICKED_POST_ID, CLICKED_POST_ID, Fixtures.CHANNEL_ID, "",
                new ActionIntegration(CALLBACK, Map.of("choice", "pizza")), retain, List.of("override_icon_url"));
    }

    public static InteractionEvent click(Map<String, Object> post) {
        return InteractionEvent.postAction(EVENT_ID, ACTION_ID, "", post, clicker(), channel(), team());
    }

    /** A click on an ephemeral post: the chat server has no post, only the action's cookie. */
    public static InteractionEvent clickOnEphemeral() {
        return InteractionEvent.postActionWithCookie(EVENT_ID, ACTION_ID, "", "sealed-cookie", clicker(), channel(),
                team());
    }

    public static User clicker() {
        return new User(CLICKER_ID, "alice");
    }

    public static Channel channel() {
        return new Channel(Fixtures.CHANNEL_ID, "town-square", "Town Square", Channel.OPEN, Fixtures.TEAM_ID);
    }

    public static Team team() {
        return new Team(Fixtures.TEAM_ID, "engineering", "Engineering");
    }

    /** A dialog submitted by the clicker from the test channel. */
    public static InteractionEvent submission() {
        return InteractionEvent.dialogSubmission(EVENT_ID, "http://127.0.0.1:9/dialog", "new-ticket", "step1",
                Map.of("summary", "Disk full"), false, "", clicker(), channel(), team());
    }

    /** A dynamic select asking for options. */
    public static InteractionEvent lookup() {
        return InteractionEvent.dialogLookup(EVENT_ID, "http://127.0.0.1:9/options", "new-ticket", "step1",
                Map.of("query", "ali", "selected_field", "assignee"), clicker(), channel(), team());
    }

    /** The dialog's integration answered {@code status} with {@code body} (failed when not 200). */
    public static DeliveryOutcome dialogAnswered(InteractionEvent event, int status, String body) {
        return outcome(new InteractionCall(event, null, "", null), status == 200 ? DeliveryOutcome.SUCCEEDED
                : DeliveryOutcome.FAILED, status, status == 200 ? body : null, status == 200 ? null : "HTTP " + status);
    }

    /** The dialog's call failed: {@code status} null when no response arrived, 200 when its body did not come whole. */
    public static DeliveryOutcome dialogFailed(InteractionEvent event, Integer status, String error) {
        return outcome(new InteractionCall(event, null, "", null), DeliveryOutcome.FAILED, status, null, error);
    }

    /** The integration answered 200 with {@code body} to a click on the stored post. */
    public static DeliveryOutcome answered(String body) {
        return answered(click(storedPost()), body);
    }

    public static DeliveryOutcome answered(InteractionEvent event, String body) {
        return outcome(new InteractionCall(event, resolvedAction(), CLIENT_TRIGGER_ID, null), DeliveryOutcome.SUCCEEDED,
                200, body, null);
    }

    /** The call failed: {@code status} null when no response arrived. */
    public static DeliveryOutcome failed(InteractionEvent event, Integer status, String error) {
        return outcome(new InteractionCall(event, resolvedAction(), CLIENT_TRIGGER_ID, null), DeliveryOutcome.FAILED,
                status, null, error);
    }

    /** The dispatcher refused the interaction before any call. */
    public static DeliveryOutcome refused(InteractionEvent event, AppError refusal) {
        return outcome(new InteractionCall(event, null, "", refusal), DeliveryOutcome.FAILED, null, null,
                "refused: " + refusal.id());
    }

    public static DeliveryOutcome outcome(InteractionCall call, String status, Integer httpStatus, String body,
                                          String error) {
        return DeliveryOutcome.ofInteraction(call, status, httpStatus, body, body == null ? null : "application/json",
                error, List.of(new DeliveryAttempt(1, COMPLETED_AT - 20, 20, httpStatus, error, body)), COMPLETED_AT);
    }
}
