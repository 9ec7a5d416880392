package io.hookline.dispatcher.interaction;

import io.hookline.schemas.Ids;
import io.hookline.schemas.interaction.InteractionEvent;
import java.util.Map;

/**
 * What makes an {@code interactions} record unusable, as opposed to an interaction Mattermost would refuse: without a
 * valid event id nothing can answer it, without the user and channel nobody can be answered, and a stored post
 * without its id or from another channel is not a click the chat server could have seen. Such a record is a dead
 * letter, not a call.
 */
public final class InteractionEvents {

    private InteractionEvents() {
    }

    /** Why {@code event} cannot be handled at all, or null when it can (it may still be refused). */
    public static String problem(InteractionEvent event) {
        if (!event.isPostAction() && !event.isDialogSubmission() && !event.isDialogLookup()) {
            return "type '" + event.type() + "' is none of " + InteractionEvent.POST_ACTION + ", "
                    + InteractionEvent.DIALOG_SUBMISSION + ", " + InteractionEvent.DIALOG_LOOKUP;
        }
        if (!Ids.isValid(event.id())) {
            return "id is missing or not a valid id (" + Ids.RULE + ")";
        }
        if (event.user() == null || !Ids.isValid(event.user().id())) {
            return "user.id is missing or not a valid id (" + Ids.RULE + ")";
        }
        if (event.channel() == null || !Ids.isValid(event.channel().id())) {
            return "channel.id is missing or not a valid id (" + Ids.RULE + ")";
        }
        if (event.isPostAction() && event.post() != null) {
            return postProblem(event.post(), event.channel().id());
        }
        return null;
    }

    private static String postProblem(Map<String, Object> post, String channelId) {
        if (!(post.get("id") instanceof String id) || !Ids.isValid(id)) {
            return "post.id is missing or not a valid id (" + Ids.RULE + ")";
        }
        Object postChannel = post.get("channel_id");
        if (postChannel != null && !(postChannel instanceof String)) {
            return "post.channel_id is not a string";
        }
        if (postChannel != null && !((String) postChannel).isEmpty() && !postChannel.equals(channelId)) {
            return "post.channel_id is not channel.id: the post is in another channel";
        }
        Object rootId = post.get("root_id");
        if (rootId != null && !(rootId instanceof String)) {
            return "post.root_id is not a string";
        }
        Object props = post.get("props");
        if (props != null && !(props instanceof Map)) {
            return "post.props is not an object";
        }
        return null;
    }
}
