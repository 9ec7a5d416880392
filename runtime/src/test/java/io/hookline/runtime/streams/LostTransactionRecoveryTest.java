package io.hookline.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class LostTransactionRecoveryTest {

    private static final class TestClock extends Clock {
        private Instant now = Instant.parse("2026-11-29T18:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aLostTransactionIsRecognisedAnywhereInTheCauseChain() {
        assertThat(LostTransactionRecovery.isLostTransaction(
                new StreamsException("commit failed", new InvalidTxnStateException("aborted by the coordinator"))))
                .isTrue();
        assertThat(LostTransactionRecovery.isLostTransaction(new ProducerFencedException("fenced"))).isTrue();
        assertThat(LostTransactionRecovery.isLostTransaction(
                new StreamsException("no broker", new TimeoutException("gone")))).isFalse();
        assertThat(LostTransactionRecovery.isLostTransaction(new IllegalStateException("a bug"))).isFalse();
    }

    @Test
    void aLostTransactionReplacesTheThreadAnythingElseStopsTheClient() {
        LostTransactionRecovery recovery = new LostTransactionRecovery(new TestClock());
        assertThat(recovery.respond(new StreamsException(new InvalidTxnStateException("aborted"))))
                .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
        assertThat(recovery.respond(new NullPointerException("a bug")))
                .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    }

    @Test
    void aLoopOfLossesStopsTheClientAndReplacementsAreCountedOverAWindow() {
        TestClock clock = new TestClock();
        LostTransactionRecovery recovery = new LostTransactionRecovery(clock);
        Throwable lost = new StreamsException(new InvalidTxnStateException("aborted"));
        for (int i = 0; i < LostTransactionRecovery.MAX_REPLACEMENTS; i++) {
            assertThat(recovery.respond(lost)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
            clock.now = clock.now.plusSeconds(10);
        }
        assertThat(recovery.respond(lost)).isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);

        // once the first replacements are older than the window, the budget is back
        clock.now = clock.now.plus(LostTransactionRecovery.WINDOW).minus(Duration.ofSeconds(25));
        assertThat(recovery.respond(lost)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    }
}
