package io.hookline.ingestor.outcome;

import static io.hookline.ingestor.testing.Fixtures.AUTHOR_ID;
import static io.hookline.ingestor.testing.Fixtures.CHANNEL_ID;
import static io.hookline.ingestor.testing.Fixtures.CREATOR_ID;
import static io.hookline.ingestor.testing.Fixtures.THREAD_ROOT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.Ids;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureNoticeTest {

    private final FailureNotice notice = new FailureNotice();

    @Test
    void tellsTheAuthorInTheSameChannelAndThreadWhichIntegrationFailedAndWhy() {
        DeliveryOutcome outcome = Fixtures.failed(503, "HTTP 503", 5);
        PostCommand command = notice.build(outcome);
        assertThat(command.type()).isEqualTo(PostCommand.EPHEMERAL_POST);
        assertThat(command.userId()).isEqualTo(AUTHOR_ID);
        assertThat(command.id()).isEqualTo(FailureNotice.commandId(outcome.deliveryId()));
        assertThat(command.post().channelId()).isEqualTo(CHANNEL_ID);
        assertThat(command.post().rootId()).isEqualTo(Fixtures.POST_ID);
        assertThat(command.post().userId()).isEqualTo(CREATOR_ID);
        assertThat(command.post().message()).isEqualTo("The integration **Deploy Bot** could not answer your message: "
                + "its server answered with an error (HTTP 503 Service Unavailable) after 5 attempts. "
                + "No reply will be posted.");
        assertThat(command.origin().deliveryId()).isEqualTo(outcome.deliveryId());
        CommandSchema.assertValid(command);
    }

    @Test
    void aReplyGetsTheNoticeInItsThreadAndAHookWithoutNameIsNamedByItsId() {
        WebhookTrigger reply = Fixtures.trigger(Ids.deterministic("reply"), THREAD_ROOT_ID);
        WebhookTrigger unnamed = new WebhookTrigger(reply.deliveryId(), reply.hookId(), reply.callbackUrl(), "",
                "", reply.creatorId(), "", "", reply.rootId(), reply.payload(), 0);
        DeliveryOutcome outcome = new DeliveryOutcome(unnamed.deliveryId(), unnamed, DeliveryOutcome.FAILED, null,
                null, null, "connect timed out", List.of(), 0);
        PostCommand command = notice.build(outcome);
        assertThat(command.post().rootId()).isEqualTo(THREAD_ROOT_ID);
        assertThat(command.post().message()).contains("**" + Fixtures.HOOK_ID + "**")
                .contains("its server did not answer in time");
        CommandSchema.assertValid(command);
    }

    @Test
    void reasonsAreInPlainWords() {
        assertThat(FailureNotice.reason(Fixtures.failed(null, "Connection refused", 1)))
                .isEqualTo("its server refused the connection");
        assertThat(FailureNotice.reason(Fixtures.failed(null, "address forbidden, you may need to set "
                + "AllowedUntrustedInternalConnections to allow an integration access to your internal network", 1)))
                .isEqualTo("its address is on an internal network that Hookline is not allowed to call");
        assertThat(FailureNotice.reason(Fixtures.failed(null, "UnknownHostException: nope.invalid", 1)))
                .isEqualTo("its server's name could not be found");
        assertThat(FailureNotice.reason(Fixtures.failed(null, "PKIX path building failed: certificate", 1)))
                .isEqualTo("a secure connection to its server could not be established");
        assertThat(FailureNotice.reason(Fixtures.failed(null, "weird at https://h.example/x?token=abc", 1)))
                .isEqualTo("the delivery failed (weird at its callback URL)")
                .doesNotContain("token");
        assertThat(FailureNotice.reason(Fixtures.failed(null, null, 1))).isEqualTo("the delivery failed");
    }

    @Test
    void nobodyToTellGivesNoNotice() {
        WebhookTrigger t = Fixtures.trigger();
        var payload = new io.hookline.schemas.trigger.WebhookPayload("", t.payload().teamId(), "", t.payload()
                .channelId(), "", 0, "", "", t.payload().postId(), "", "", "");
        WebhookTrigger anonymous = new WebhookTrigger(t.deliveryId(), t.hookId(), t.callbackUrl(), "",
                "x", t.creatorId(), "", "", "", payload, 0);
        assertThat(notice.build(new DeliveryOutcome(t.deliveryId(), anonymous, DeliveryOutcome.FAILED, 500, null,
                null, "HTTP 500", List.of(), 0))).isNull();
    }
}
