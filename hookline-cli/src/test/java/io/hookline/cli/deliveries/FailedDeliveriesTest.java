package io.hookline.cli.deliveries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.cli.CliFailure;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.interaction.InteractionCall;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Which failures a selection redelivers, how a chain of redeliveries is followed, and the redelivery's trigger. */
class FailedDeliveriesTest {

    private static final String HOOK = "hook00000000000000000000001";
    private static final String OTHER_HOOK = "hook00000000000000000000002";
    private static final String URL = "http://127.0.0.1:8065/pong";
    private static final String SECRET = "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static WebhookTrigger failedTrigger(String deliveryId, String hookId) {
        return new WebhookTrigger(deliveryId, hookId, URL, "application/json", "Old name", "creator", "",
                "", "root00000000000000000000001", new WebhookPayload("", "team", "engineering", "chan",
                "town-square", 1_764_150_000_123L, "alice", "alice", "post", "ping", "ping", ""), 1_764_150_000_500L);
    }

    private static DeliveryOutcome outcome(String deliveryId, String hookId, String status, long completedAt) {
        return new DeliveryOutcome(deliveryId, failedTrigger(deliveryId, hookId), status, 500, null, null,
                DeliveryOutcome.FAILED.equals(status) ? "HTTP 500" : null, List.of(), completedAt);
    }

    private static OutgoingWebhook hook(List<String> urls) {
        return new OutgoingWebhook(HOOK, "currenttokencurrenttoken01", 1L, 2L, 0, "creator", "chan", "team",
                List.of("ping"), 0, urls, "New name", "", "application/json", "", "", SECRET);
    }

    private static Selection all() {
        return new Selection(List.of(), null, null);
    }

    @Test
    void everyFailureOfTheSelectedHookAndTimeOnceEachAndNeverASuccess() {
        FailedDeliveries log = new FailedDeliveries();
        log.add(outcome("a", HOOK, DeliveryOutcome.FAILED, 100));
        log.add(outcome("b", OTHER_HOOK, DeliveryOutcome.FAILED, 200));
        log.add(outcome("c", HOOK, DeliveryOutcome.FAILED, 300));
        log.add(outcome("d", HOOK, DeliveryOutcome.SUCCEEDED, 400));
        log.add(outcome("a", HOOK, DeliveryOutcome.FAILED, 100)); // written twice: one failure

        assertThat(failedIds(log.plan(all()))).containsExactly("a", "b", "c");
        assertThat(failedIds(log.plan(new Selection(List.of(), HOOK, null)))).containsExactly("a", "c");
        assertThat(failedIds(log.plan(new Selection(List.of(), HOOK, 300L)))).containsExactly("c");
    }

    @Test
    void idsAskedForThatDidNotFailAreNamedWithTheReason() {
        FailedDeliveries log = new FailedDeliveries();
        log.add(outcome("a", HOOK, DeliveryOutcome.FAILED, 100));
        log.add(outcome("d", HOOK, DeliveryOutcome.SUCCEEDED, 400));

        List<FailedDeliveries.Plan> plans = log.plan(new Selection(List.of("a", "d", "x"), null, null));
        assertThat(plans).hasSize(3);
        assertThat(plans).filteredOn(FailedDeliveries.Unredeliverable.class::isInstance)
                .extracting(p -> ((FailedDeliveries.Unredeliverable) p).deliveryId() + ": "
                        + ((FailedDeliveries.Unredeliverable) p).why())
                .containsExactly("d: it succeeded", "x: the delivery log has no outcome of it");
        assertThat(failedIds(plans)).containsExactly("a");
    }

    /** A failed click: its outcome is on webhook-responses with no trigger. */
    private static DeliveryOutcome failedInteraction(String eventId, long completedAt) {
        InteractionEvent click = new InteractionEvent(InteractionEvent.POST_ACTION, eventId, "action1", "", null, "",
                "", "", "", null, false, "", null, null, null);
        return DeliveryOutcome.ofInteraction(new InteractionCall(click, null, "", null), DeliveryOutcome.FAILED, 500,
                null, null, "HTTP 500", List.of(), completedAt);
    }

    @Test
    void theOutcomesOfInteractionsAreNeverRedeliveredAndSaySoWhenAskedFor() {
        FailedDeliveries log = new FailedDeliveries();
        log.add(outcome("a", HOOK, DeliveryOutcome.FAILED, 100));
        log.add(failedInteraction("click", 200));

        assertThat(failedIds(log.plan(all()))).containsExactly("a");
        assertThat(failedIds(log.plan(new Selection(List.of(), null, 150L)))).isEmpty();
        List<FailedDeliveries.Plan> asked = log.plan(new Selection(List.of("click"), null, null));
        assertThat(asked).singleElement().isInstanceOf(FailedDeliveries.Unredeliverable.class);
        assertThat(((FailedDeliveries.Unredeliverable) asked.get(0)).why())
                .startsWith("it is the outcome of an interaction (a click or a dialog call), which is never "
                        + "redelivered");
    }

    @Test
    void theRedeliveryIdIsNewAndTheSameForTheSameFailure() {
        DeliveryOutcome failed = outcome("a", HOOK, DeliveryOutcome.FAILED, 100);
        String id = FailedDeliveries.redeliveryIdOf(failed);
        assertThat(id).hasSize(26).isNotEqualTo("a")
                .isEqualTo(FailedDeliveries.redeliveryIdOf(outcome("a", HOOK, DeliveryOutcome.FAILED, 100)))
                .isNotEqualTo(FailedDeliveries.redeliveryIdOf(outcome("a", HOOK, DeliveryOutcome.FAILED, 101)));
        FailedDeliveries log = new FailedDeliveries();
        log.add(failed);
        assertThat(log.plan(all())).singleElement().isEqualTo(new FailedDeliveries.Redeliver(failed, id));
    }

    @Test
    void aRedeliveryThatSucceededSettlesItsFailureAndOneThatFailedIsRedeliveredFromThere() {
        DeliveryOutcome first = outcome("a", HOOK, DeliveryOutcome.FAILED, 100);
        String second = FailedDeliveries.redeliveryIdOf(first);
        DeliveryOutcome secondFailed = outcome(second, HOOK, DeliveryOutcome.FAILED, 200);
        FailedDeliveries log = new FailedDeliveries();
        log.add(first);
        log.add(secondFailed);

        // both failures of the chain are selected, and they come to one redelivery of the newer one
        assertThat(log.plan(all())).singleElement().isEqualTo(
                new FailedDeliveries.Redeliver(secondFailed, FailedDeliveries.redeliveryIdOf(secondFailed)));
        assertThat(log.plan(new Selection(List.of("a"), null, null))).singleElement().isEqualTo(
                new FailedDeliveries.Redeliver(secondFailed, FailedDeliveries.redeliveryIdOf(secondFailed)));

        log.add(outcome(FailedDeliveries.redeliveryIdOf(secondFailed), HOOK, DeliveryOutcome.SUCCEEDED, 300));
        assertThat(log.plan(all())).singleElement().isEqualTo(
                new FailedDeliveries.AlreadyRedelivered("a", FailedDeliveries.redeliveryIdOf(secondFailed)));
    }

    @Test
    void theRedeliveryCarriesTheHooksCurrentSettingsAndTheFailedPostButNoSecret() {
        DeliveryOutcome failed = outcome("a", HOOK, DeliveryOutcome.FAILED, 100);
        WebhookTrigger t = RedeliveryTrigger.of(failed, "new", hook(List.of(URL)), 5_000L);

        assertThat(t.deliveryId()).isEqualTo("new");
        assertThat(t.payload().token()).isEmpty();
        assertThat(new String(io.hookline.schemas.serde.JsonSerde.of(WebhookTrigger.class).toBytes(t),
                java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("currenttoken").doesNotContain("whsec_");
        assertThat(t.hookDisplayName()).isEqualTo("New name");
        assertThat(t.callbackUrl()).isEqualTo(URL);
        assertThat(t.rootId()).isEqualTo(failed.trigger().rootId());
        assertThat(t.payload()).isEqualTo(failed.trigger().payload());
        assertThat(t.triggeredAt()).isEqualTo(5_000L);
        assertThat(t.partitionKey()).isEqualTo(failed.trigger().partitionKey());
    }

    @Test
    void aFailureWithAMaskedCallbackUrlIsRedeliveredToTheHooksRealUrl() {
        String real = "http://relay:hunter2@127.0.0.1:8065/pong";
        DeliveryOutcome failed = outcome("a", HOOK, DeliveryOutcome.FAILED, 100);
        WebhookTrigger masked = new WebhookTrigger("a", HOOK, real, "application/json", "Old name",
                "creator", "", "", "", failed.trigger().payload(), 1L).redacted();
        DeliveryOutcome maskedFailure = new DeliveryOutcome("a", masked, DeliveryOutcome.FAILED, 500, null, null,
                "HTTP 500", List.of(), 100);
        assertThat(maskedFailure.trigger().callbackUrl()).isEqualTo("http://relay:****@127.0.0.1:8065/pong");
        assertThat(RedeliveryTrigger.of(maskedFailure, "new", hook(List.of(URL, real)), 1L).callbackUrl())
                .isEqualTo(real);
        assertThatThrownBy(() -> RedeliveryTrigger.of(maskedFailure, "new",
                hook(List.of(real, "http://relay:other@127.0.0.1:8065/pong")), 1L))
                .hasMessageContaining("differ only in their password");
    }

    @Test
    void aFailureWhoseCallbackUrlTheHookNoLongerHasIsNotRedelivered() {
        DeliveryOutcome failed = outcome("a", HOOK, DeliveryOutcome.FAILED, 100);
        assertThatThrownBy(() -> RedeliveryTrigger.of(failed, "new", hook(List.of("http://127.0.0.1:1/other")), 1L))
                .hasMessage("its callback URL is no longer one of hook " + HOOK + "'s callback URLs");
    }

    @Test
    void sinceIsAnInstantOrATimeAgo() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
        assertThat(RedeliverCommand.sinceMillis("24h", clock))
                .isEqualTo(Instant.parse("2026-11-28T10:00:00Z").toEpochMilli());
        assertThat(RedeliverCommand.sinceMillis("30m", clock))
                .isEqualTo(Instant.parse("2026-11-29T09:30:00Z").toEpochMilli());
        assertThat(RedeliverCommand.sinceMillis("2026-11-28T09:00:00Z", clock))
                .isEqualTo(Instant.parse("2026-11-28T09:00:00Z").toEpochMilli());
        assertThatThrownBy(() -> RedeliverCommand.sinceMillis("yesterday", clock)).isInstanceOf(CliFailure.class)
                .hasMessageContaining("'yesterday'");
    }

    @Test
    void aBareCommandSelectsNothingAndAllFailedTakesNoIds() {
        assertThatThrownBy(() -> parse().selection(Clock.systemUTC())).isInstanceOf(CliFailure.class)
                .hasMessageContaining("--all-failed");
        assertThatThrownBy(() -> parse("--all-failed", "a").selection(Clock.systemUTC()))
                .hasMessageContaining("without DELIVERY_IDs");
        assertThat(parse("--all-failed").selection(Clock.systemUTC())).isEqualTo(all());
        assertThat(parse("a", "b", "--hook", HOOK).selection(Clock.systemUTC()))
                .isEqualTo(new Selection(List.of("a", "b"), HOOK, null));
    }

    private static RedeliverCommand parse(String... args) {
        RedeliverCommand command = new RedeliverCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    private static List<String> failedIds(List<FailedDeliveries.Plan> plans) {
        return plans.stream().filter(FailedDeliveries.Redeliver.class::isInstance)
                .map(p -> ((FailedDeliveries.Redeliver) p).failed().deliveryId()).toList();
    }
}
