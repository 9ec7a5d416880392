package io.hookline.ingestor.outcome;

import io.hookline.ingestor.interaction.InteractionHandler;
import io.hookline.ingestor.post.EphemeralPosts;
import io.hookline.ingestor.post.PostActions;
import io.hookline.ingestor.post.PostPlan;
import io.hookline.ingestor.post.ResponsePostBuilder;
import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.response.ResponseReader;
import io.hookline.ingestor.response.WebhookResponse;
import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.Ids;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides what one delivery outcome becomes: the response posts of a successful delivery, a failure notice for a
 * failed one (not when it failed because its hook is gone), or a rejection. The outcome of an interaction goes to the
 * {@link InteractionHandler}. Pure: the same outcome always gives the same commands with the same ids.
 */
public final class OutcomeHandler {

    private final ResponseReader reader = new ResponseReader();
    private final ResponsePostBuilder builder;
    private final FailureNotice notice = new FailureNotice();
    private final boolean failureNotices;
    private final EphemeralPosts ephemerals;
    private final InteractionHandler interactions;

    /**
     * @param ephemerals how every ephemeral post this handler emits is prepared (action ids and cookies)
     */
    public OutcomeHandler(ResponsePostBuilder builder, boolean failureNotices, EphemeralPosts ephemerals) {
        this.builder = builder;
        this.failureNotices = failureNotices;
        this.ephemerals = ephemerals;
        this.interactions = new InteractionHandler(ephemerals);
    }

    /**
     * A handler without the integration secrets, for webhook outcomes: an ephemeral post with actions is then refused
     * (see {@link EphemeralPosts#withoutCookies()}); none of a webhook's has any.
     */
    public OutcomeHandler(ResponsePostBuilder builder, boolean failureNotices) {
        this(builder, failureNotices, EphemeralPosts.withoutCookies());
    }

    /** The id of part {@code part} (0 for the first) of a delivery's response: stable across replays. */
    public static String partCommandId(String deliveryId, int part) {
        return Ids.deterministic(deliveryId, "part", Integer.toString(part));
    }

    public Handling handle(DeliveryOutcome outcome) {
        if (outcome.isInteraction()) {
            return interactions.handle(outcome);
        }
        String problem = problem(outcome);
        if (problem != null) {
            return new Handling.Reject(problem);
        }
        if (DeliveryOutcome.FAILED.equals(outcome.status())) {
            if (outcome.hookGone()) {
                // a deleted or disabled hook must not speak in the channel any more, not even about failing
                return new Handling.Nothing("the delivery failed because its hook is gone: " + outcome.error());
            }
            if (!failureNotices) {
                return new Handling.Nothing("the delivery failed and failure notices are turned off");
            }
            PostCommand command = notice.build(outcome);
            if (command == null) {
                return new Handling.Nothing("the delivery failed and the triggering post has no valid author to tell");
            }
            EphemeralPosts.Prepared prepared = ephemerals.prepare(command);
            return new Handling.Publish(outcome.trigger().payload().channelId(), List.of(prepared.command()),
                    prepared.removed());
        }
        try {
            Optional<WebhookResponse> response = reader.read(outcome.responseBody());
            if (response.isEmpty()) {
                return new Handling.Nothing("the response body is empty");
            }
            PostPlan plan = builder.build(response.get(), outcome.trigger());
            if (plan.parts().isEmpty()) {
                return new Handling.Nothing("the response has neither text nor attachments");
            }
            WebhookTrigger t = outcome.trigger();
            CommandOrigin origin = new CommandOrigin(t.hookId(), t.payload().postId(), t.callbackUrl(),
                    outcome.deliveryId());
            List<PostCommand> commands = new ArrayList<>();
            for (int i = 0; i < plan.parts().size(); i++) {
                CommandPost part = plan.parts().get(i);
                String id = partCommandId(outcome.deliveryId(), i);
                CommandPost post = new CommandPost(part.channelId(), part.rootId(), part.userId(), part.message(),
                        part.type(), PostActions.assignIds(part.props(), id), part.metadata());
                commands.add(new PostCommand(id, PostCommand.CREATE_POST, null, post, origin));
            }
            return new Handling.Publish(t.payload().channelId(), commands, plan.removed());
        } catch (ResponseFormatException e) {
            return new Handling.Reject(e.getMessage());
        }
    }

    private static String problem(DeliveryOutcome outcome) {
        if (outcome.deliveryId() == null || outcome.deliveryId().isEmpty()) {
            return "delivery_id is missing";
        }
        if (!DeliveryOutcome.SUCCEEDED.equals(outcome.status()) && !DeliveryOutcome.FAILED.equals(outcome.status())) {
            return "status '" + outcome.status() + "' is neither succeeded nor failed";
        }
        WebhookTrigger t = outcome.trigger();
        if (t == null) {
            return "trigger is missing";
        }
        if (t.payload() == null) {
            return "trigger.payload is missing";
        }
        if (!Ids.isValid(t.payload().channelId())) {
            return "trigger.payload.channel_id '" + t.payload().channelId() + "' is not a valid id";
        }
        if (!Ids.isValid(t.payload().postId())) {
            return "trigger.payload.post_id '" + t.payload().postId() + "' is not a valid id";
        }
        if (!Ids.isValid(t.creatorId())) {
            return "trigger.creator_id '" + t.creatorId() + "' is not a valid id: the post would have no author";
        }
        if (!t.rootId().isEmpty() && !Ids.isValid(t.rootId())) {
            return "trigger.root_id '" + t.rootId() + "' is not a valid id";
        }
        return null;
    }
}
