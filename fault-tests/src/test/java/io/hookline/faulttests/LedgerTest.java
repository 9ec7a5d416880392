package io.hookline.faulttests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ledger's verdicts, without Kafka: what counts as delivered, failed, rejected, missing, doubled. */
class LedgerTest {

    private static final String HOOK = "hook0000000000000000000001";

    @Test
    void oneCreatePostIsDeliveredAndNothingElseIsMissing() {
        Ledger ledger = new Ledger();
        String a = ledger.expect("post1", HOOK, "http://127.0.0.1:1/a");
        String b = ledger.expect("post1", HOOK, "http://127.0.0.1:1/b");
        ledger.createPost(a);

        assertThat(ledger.settled()).isFalse();
        Ledger.Report report = ledger.report();
        assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(1);
        assertThat(report.count(Ledger.Fate.MISSING)).isEqualTo(1);
        assertThat(report.wrong().get(Ledger.Fate.MISSING)).extracting(Ledger.Expected::deliveryId).containsExactly(b);
        assertThat(report.balanced()).isFalse();
    }

    @Test
    void aFailureNeedsBothItsFailedOutcomeAndItsNotice() {
        Ledger ledger = new Ledger();
        String id = ledger.expect("post1", HOOK, "http://127.0.0.1:1/a");
        ledger.failedOutcome(id, "HTTP 500");
        assertThat(ledger.settled()).as("failed outcome without notice").isFalse();

        ledger.failureNotice(id);
        assertThat(ledger.settled()).isTrue();
        Ledger.Report report = ledger.report();
        assertThat(report.count(Ledger.Fate.FAILED)).isEqualTo(1);
        assertThat(report.balanced()).isTrue();
        assertThat(report.failureReasonsByUrl().get("http://127.0.0.1:1/a")).singleElement().asString()
                .contains("HTTP 500");
    }

    @Test
    void anIngestorDeadLetterAloneIsARejectedResponse() {
        Ledger ledger = new Ledger();
        String id = ledger.expect("post1", HOOK, "http://127.0.0.1:1/a");
        ledger.ingestorDeadLetter(id, "not valid JSON");
        assertThat(ledger.report().count(Ledger.Fate.REJECTED)).isEqualTo(1);
        assertThat(ledger.report().balanced()).isTrue();
    }

    @Test
    void twoCommandsAreDoubledAndACommandPlusAFailureIsInconsistent() {
        Ledger ledger = new Ledger();
        String doubled = ledger.expect("post1", HOOK, "http://127.0.0.1:1/a");
        String mixed = ledger.expect("post2", HOOK, "http://127.0.0.1:1/a");
        ledger.createPost(doubled);
        ledger.createPost(doubled);
        ledger.createPost(mixed);
        ledger.failedOutcome(mixed, "HTTP 500");
        ledger.failureNotice(mixed);

        Ledger.Report report = ledger.report();
        assertThat(report.count(Ledger.Fate.DOUBLED)).isEqualTo(1);
        assertThat(report.count(Ledger.Fate.INCONSISTENT)).isEqualTo(1);
        assertThat(ledger.settled()).as("settled: nothing left to wait for").isTrue();
        assertThat(report.balanced()).isFalse();
    }

    @Test
    void aCommandForAnUnexpectedDeliveryUnbalancesTheLedger() {
        Ledger ledger = new Ledger();
        String id = ledger.expect("post1", HOOK, "http://127.0.0.1:1/a");
        ledger.createPost(id);
        ledger.createPost("somethingelse0000000000001");
        Ledger.Report report = ledger.report();
        assertThat(report.unexpectedDeliveryIds()).containsExactly("somethingelse0000000000001");
        assertThat(report.balanced()).isFalse();
    }

    @Test
    void theDeliveryIdIsTheOneTheMatcherComputes() {
        Ledger ledger = new Ledger();
        assertThat(ledger.expect("post1", HOOK, "http://127.0.0.1:1/a")).isEqualTo(
                io.hookline.schemas.trigger.WebhookTrigger.deliveryIdOf("post1", HOOK, "http://127.0.0.1:1/a"));
        assertThat(ledger.expect("post1", HOOK, "http://127.0.0.1:1/a")).as("same key, same entry")
                .isEqualTo(ledger.expect("post1", HOOK, "http://127.0.0.1:1/a"));
        assertThat(ledger.expectedCount()).isEqualTo(1);
    }
}
