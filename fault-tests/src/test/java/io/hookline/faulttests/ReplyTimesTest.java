package io.hookline.faulttests;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the wait around a fault is counted, without Kafka. */
class ReplyTimesTest {

    @Test
    void aWaitCountsFromTheFaultOrTheSendWhicheverIsLater() {
        ReplyTimes times = new ReplyTimes();
        times.sent("before", 1_000);
        times.replied("before", 9_000);
        times.sent("after", 6_000);
        times.replied("after", 7_000);
        times.sent("quick", 2_000);
        times.replied("quick", 2_100);

        ReplyTimes.Wait wait = times.waitAfter(5_000, 0, 10_000, 20_000);

        assertThat(wait.deliveries()).isEqualTo(3);
        assertThat(wait.longestMillis()).as("sent before the fault: counted from the fault").isEqualTo(4_000);
        assertThat(wait.medianMillis()).isEqualTo(1_000);
        assertThat(wait.unanswered()).isZero();
    }

    @Test
    void onlyDeliveriesSentInTheWindowCountAndAnUnansweredOneWaitsUntilNow() {
        ReplyTimes times = new ReplyTimes();
        times.sent("early", 100);
        times.replied("early", 90_000);
        times.sent("late", 10_000);
        times.sent("inside", 3_000);

        ReplyTimes.Wait wait = times.waitAfter(2_000, 1_000, 10_000, 8_000);

        assertThat(wait.deliveries()).isEqualTo(1);
        assertThat(wait.unanswered()).isEqualTo(1);
        assertThat(wait.longestMillis()).isEqualTo(5_000);
    }

    @Test
    void onlyTheFirstReplyCounts() {
        ReplyTimes times = new ReplyTimes();
        times.sent("a", 0);
        times.replied("a", 500);
        times.replied("a", 30_000);

        assertThat(times.waitAfter(Long.MIN_VALUE, 0, 1, 40_000).longestMillis()).isEqualTo(500);
    }
}
