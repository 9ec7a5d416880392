package io.hookline.ingestor.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.outcome.FailureNotice;
import io.hookline.ingestor.post.PostOverrides;
import io.hookline.ingestor.post.ResponsePostBuilder;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeHandlerTest {

    private final OutcomeHandler handler = new OutcomeHandler(new ResponsePostBuilder(new PostOverrides(false, false)),
            true);

    @Test
    void aSuccessfulResponseBecomesCreatePostCommandsWithIdsFromTheDelivery() {
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": \"pong\"}");
        Handling h = handler.handle(outcome);
        assertThat(h).isInstanceOf(Handling.Publish.class);
        PostCommand command = ((Handling.Publish) h).commands().get(0);
        assertThat(command.id()).isEqualTo(OutcomeHandler.partCommandId(outcome.deliveryId(), 0));
        assertThat(command.type()).isEqualTo(PostCommand.CREATE_POST);
        assertThat(command.userId()).isNull();
        assertThat(command.post().message()).isEqualTo("pong");
        assertThat(command.origin().hookId()).isEqualTo(Fixtures.HOOK_ID);
        assertThat(command.origin().postId()).isEqualTo(Fixtures.POST_ID);
        assertThat(command.origin().callbackUrl()).isEqualTo(Fixtures.CALLBACK);
        assertThat(command.origin().deliveryId()).isEqualTo(outcome.deliveryId());
        assertThat(handler.handle(outcome)).isEqualTo(h);
        CommandSchema.assertValid(command);
    }

    @Test
    void aLongAnswerGivesOneCommandPerPartWithDistinctIdsInOrder() {
        String text = "z".repeat(16383 * 2 + 5);
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": \"" + text + "\"}");
        List<PostCommand> commands = ((Handling.Publish) handler.handle(outcome)).commands();
        assertThat(commands).hasSize(3);
        assertThat(commands).extracting(PostCommand::id).doesNotHaveDuplicates().containsExactly(
                OutcomeHandler.partCommandId(outcome.deliveryId(), 0),
                OutcomeHandler.partCommandId(outcome.deliveryId(), 1),
                OutcomeHandler.partCommandId(outcome.deliveryId(), 2));
        assertThat(String.join("", commands.stream().map(c -> c.post().message()).toList())).isEqualTo(text);
        CommandSchema.assertAllValid(commands);
    }

    @Test
    void emptyBodiesAndResponsesWithoutContentGiveNothing() {
        assertThat(handler.handle(Fixtures.succeeded(""))).isInstanceOf(Handling.Nothing.class);
        assertThat(handler.handle(Fixtures.succeeded(null))).isInstanceOf(Handling.Nothing.class);
        assertThat(handler.handle(Fixtures.succeeded("{\"username\": \"x\"}"))).isInstanceOf(Handling.Nothing.class);
    }

    @Test
    void invalidResponsesAreRejectedWithTheReason() {
        assertThat(handler.handle(Fixtures.succeeded("{oops"))).isInstanceOfSatisfying(Handling.Reject.class,
                r -> assertThat(r.reason()).startsWith("the response body is not valid JSON"));
        assertThat(handler.handle(Fixtures.succeeded("{\"text\": \"a\", \"type\": \"system_x\"}")))
                .isEqualTo(new Handling.Reject("type 'system_x' is reserved for system messages"));
    }

    @Test
    void brokenOutcomesAreRejected() {
        DeliveryOutcome ok = Fixtures.succeeded("{\"text\": \"a\"}");
        assertThat(handler.handle(new DeliveryOutcome("", ok.trigger(), ok.status(), 200, "{}", null, null, null, 0)))
                .isEqualTo(new Handling.Reject("delivery_id is missing"));
        assertThat(handler.handle(new DeliveryOutcome("d", null, ok.status(), 200, "{}", null, null, null, 0)))
                .isEqualTo(new Handling.Reject("trigger is missing"));
        assertThat(handler.handle(new DeliveryOutcome("d", ok.trigger(), "pending", 200, "{}", null, null, null, 0)))
                .isEqualTo(new Handling.Reject("status 'pending' is neither succeeded nor failed"));
        var t = ok.trigger();
        var noCreator = new io.hookline.schemas.trigger.WebhookTrigger(t.deliveryId(), t.hookId(), t.callbackUrl(),
                "", "", "", "", "", "", t.payload(), 0);
        assertThat(handler.handle(new DeliveryOutcome("d", noCreator, ok.status(), 200, "{}", null, null, null, 0)))
                .isEqualTo(new Handling.Reject("trigger.creator_id '' is not a valid id: the post would have no "
                        + "author"));
    }

    @Test
    void aFinalFailureGivesTheNoticeUnlessTurnedOff() {
        DeliveryOutcome failed = Fixtures.failed(500, "HTTP 500", 3);
        assertThat(handler.handle(failed)).isInstanceOfSatisfying(Handling.Publish.class, p -> {
            assertThat(p.commands()).singleElement().satisfies(c -> {
                assertThat(c.id()).isEqualTo(FailureNotice.commandId(failed.deliveryId()));
                assertThat(c.type()).isEqualTo(PostCommand.EPHEMERAL_POST);
            });
        });
        OutcomeHandler quiet = new OutcomeHandler(new ResponsePostBuilder(new PostOverrides(false, false)), false);
        assertThat(quiet.handle(failed)).isInstanceOf(Handling.Nothing.class);
    }

    @Test
    void aDeliveryThatFailedBecauseItsHookIsGoneGivesNoNotice() {
        DeliveryOutcome f = Fixtures.failed(null, "x", 1);
        DeliveryOutcome gone = new DeliveryOutcome(f.deliveryId(), f.trigger(), DeliveryOutcome.FAILED, null, null,
                null, "hook " + Fixtures.HOOK_ID + " was deleted", f.attempts(), f.completedAt(), true);
        assertThat(handler.handle(gone)).isEqualTo(new Handling.Nothing(
                "the delivery failed because its hook is gone: hook " + Fixtures.HOOK_ID + " was deleted"));
        DeliveryOutcome sameButLive = new DeliveryOutcome(f.deliveryId(), f.trigger(), DeliveryOutcome.FAILED, null,
                null, null, gone.error(), f.attempts(), f.completedAt());
        assertThat(handler.handle(sameButLive)).isInstanceOf(Handling.Publish.class);
    }
}
