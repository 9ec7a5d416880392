package io.hookline.ingestor.interaction;

import io.hookline.ingestor.outcome.Handling;
import io.hookline.ingestor.post.EphemeralPosts;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import java.util.List;

/**
 * Decides what the outcome of an interaction (a click, a dialog submission or lookup) becomes: the commands that
 * answer it, all keyed by its channel, or a rejection when the outcome itself is unusable. Pure: the same outcome
 * always gives the same commands with the same ids.
 */
public final class InteractionHandler {

    private final PostActionAnswers actions;
    private final DialogAnswers dialogs = new DialogAnswers();

    public InteractionHandler(EphemeralPosts ephemerals) {
        this.actions = new PostActionAnswers(ephemerals);
    }

    /** The id of one part ({@code update}, {@code ephemeral}, {@code result}) of an interaction's answer. */
    public static String commandId(String interactionId, String part) {
        return Ids.deterministic(interactionId, part);
    }

    public Handling handle(DeliveryOutcome outcome) {
        String problem = problem(outcome);
        if (problem != null) {
            return new Handling.Reject(problem);
        }
        InteractionEvent event = outcome.interaction().event();
        if (event.isPostAction()) {
            PostActionAnswers.Answer answer = actions.answer(outcome);
            return new Handling.Publish(event.channel().id(), answer.commands(), answer.removed());
        }
        PostCommand command;
        if (event.isDialogSubmission()) {
            command = dialogs.submission(outcome);
        } else if (event.isDialogLookup()) {
            command = dialogs.lookup(outcome);
        } else {
            return new Handling.Reject("interaction type '" + event.type() + "' is not post_action, "
                    + "dialog_submission or dialog_lookup");
        }
        return new Handling.Publish(event.channel().id(), List.of(command), List.of());
    }

    /**
     * Null when the call succeeded (only HTTP 200 does, as in Mattermost); else the detail of the failure: Mattermost's
     * {@code status=<code>} for another status, or what went wrong.
     */
    static String failure(DeliveryOutcome outcome) {
        Integer status = outcome.httpStatus();
        if (outcome.succeeded() && status != null && status == 200) {
            return null;
        }
        if (status != null && status != 200) {
            return "status=" + status;
        }
        String error = outcome.error();
        return error == null || error.isBlank() ? "the call to the integration failed" : error;
    }

    private static String problem(DeliveryOutcome outcome) {
        if (outcome.deliveryId() == null || outcome.deliveryId().isEmpty()) {
            return "delivery_id is missing";
        }
        if (!DeliveryOutcome.SUCCEEDED.equals(outcome.status()) && !DeliveryOutcome.FAILED.equals(outcome.status())) {
            return "status '" + outcome.status() + "' is neither succeeded nor failed";
        }
        InteractionCall call = outcome.interaction();
        InteractionEvent event = call.event();
        if (event == null) {
            return "interaction.event is missing";
        }
        if (!outcome.deliveryId().equals(event.id())) {
            return "delivery_id '" + outcome.deliveryId() + "' is not the interaction's id '" + event.id() + "'";
        }
        if (event.user() == null || !Ids.isValid(event.user().id())) {
            return "interaction.event.user.id is not a valid id: nobody to answer";
        }
        if (event.channel() == null || !Ids.isValid(event.channel().id())) {
            return "interaction.event.channel.id is not a valid id";
        }
        if (event.isPostAction() && call.refusal() == null && call.action() == null) {
            return "interaction.action is missing: a click that was not refused must say what it resolved to";
        }
        return null;
    }
}
