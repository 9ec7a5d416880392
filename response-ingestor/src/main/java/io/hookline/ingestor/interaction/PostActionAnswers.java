package io.hookline.ingestor.interaction;

import io.hookline.ingestor.outcome.CommandSize;
import io.hookline.ingestor.post.EphemeralPosts;
import io.hookline.ingestor.response.ActionResponseReader;
import io.hookline.ingestor.response.PostActionIntegrationResponse;
import io.hookline.ingestor.response.ResponseFormatException;
import io.hookline.ingestor.slack.SlackText;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.AppError;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What a click's outcome becomes, in Mattermost's order ({@code DoPostActionWithCookie}): the post's update, then the
 * clicker's ephemeral text, then the clicker's answer. A refused click, a failed call or an answer Mattermost cannot
 * use gives the error answer alone; so does a refused update (no ephemeral text then, as in Mattermost), an update
 * too large for a post command included: the click is answered, never dead-lettered for its size.
 */
final class PostActionAnswers {

    /** The commands answering a click and, in plain words, what sanitising removed from the answer. */
    record Answer(List<PostCommand> commands, List<String> removed) {
        Answer {
            commands = List.copyOf(commands);
            removed = List.copyOf(removed);
        }

        static Answer error(InteractionEvent event, AppError error) {
            return new Answer(List.of(PostCommand.actionResult(InteractionHandler.commandId(event.id(), RESULT),
                    event.id(), event.user().id(), null, error)), List.of());
        }
    }

    static final String UPDATE = "update";
    static final String EPHEMERAL = "ephemeral";
    static final String RESULT = "result";

    private final ActionResponseReader reader = new ActionResponseReader();
    private final PostUpdater updater = new PostUpdater();
    private final CommandSize sizes = new CommandSize();
    private final EphemeralPosts ephemerals;

    PostActionAnswers(EphemeralPosts ephemerals) {
        this.ephemerals = ephemerals;
    }

    Answer answer(DeliveryOutcome outcome) {
        InteractionCall call = outcome.interaction();
        InteractionEvent event = call.event();
        if (call.refusal() != null) {
            return Answer.error(event, call.refusal());
        }
        String failure = InteractionHandler.failure(outcome);
        if (failure != null) {
            return Answer.error(event, AppError.actionIntegration(failure));
        }
        PostActionIntegrationResponse response;
        try {
            response = reader.read(outcome.responseBody());
        } catch (ResponseFormatException e) {
            return Answer.error(event, AppError.actionIntegration(e.getMessage()));
        }
        PostActionCookie action = call.action();
        List<PostCommand> commands = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (response.update() != null) {
            if (event.post() == null) {
                // v11.6 looks the post up to update it; an ephemeral post is stored nowhere
                return Answer.error(event, new AppError("app.post.get.app_error", "Unable to get the post.",
                        "post " + action.postId() + " is ephemeral: only stored posts can be updated", 404));
            }
            PostUpdater.Result updated = updater.apply(event.post(), response.update(), action, event.id(),
                    outcome.completedAt());
            if (updated.error() != null) {
                return Answer.error(event, updated.error());
            }
            PostCommand update = PostCommand.updatePost(InteractionHandler.commandId(event.id(), UPDATE), event.id(),
                    updated.post());
            int bytes = sizes.bytes(update);
            if (!CommandSize.fits(bytes)) {
                return Answer.error(event, PostUpdater.tooLarge(updated.post(), bytes));
            }
            commands.add(update);
            removed.addAll(updated.removed());
        }
        if (!response.ephemeralText().isEmpty()) {
            EphemeralPosts.Prepared ephemeral = ephemerals.prepare(ephemeral(event, action, response));
            commands.add(ephemeral.command());
            removed.addAll(ephemeral.removed());
        }
        commands.add(PostCommand.actionResult(InteractionHandler.commandId(event.id(), RESULT), event.id(),
                event.user().id(), ActionResponse.ok(call.clientTriggerId()), null));
        return new Answer(commands, removed);
    }

    /**
     * Mattermost's ephemeral reply to the clicker: in the action's channel and thread, from the clicker, carrying the
     * original post's retained props so it shows under the integration's name.
     */
    private static PostCommand ephemeral(InteractionEvent event, PostActionCookie action,
                                         PostActionIntegrationResponse response) {
        String text = response.skipSlackParsing() ? response.ephemeralText()
                : SlackText.markdownLinks(response.ephemeralText());
        String channel = action.channelId().isEmpty() ? event.channel().id() : action.channelId();
        String clicker = event.user().id();
        // type "" as for every ephemeral_post: the chat server's ephemeral delivery makes it system_ephemeral
        CommandPost post = new CommandPost(channel, action.rootPostId(), clicker, text, "",
                new LinkedHashMap<>(action.retainProps()), null);
        return PostCommand.ephemeralPost(InteractionHandler.commandId(event.id(), EPHEMERAL), event.id(), clicker,
                post);
    }
}
