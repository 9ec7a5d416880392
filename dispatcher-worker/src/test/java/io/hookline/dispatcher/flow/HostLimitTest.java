package io.hookline.dispatcher.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class HostLimitTest {

    private static final long MS = 1_000_000L;
    private static final long FIVE_S = 5_000 * MS;

    /** One request to the host, started now and finished {@code latencyMs} later; returns the new "now". */
    private static long request(HostLimit l, long now, long latencyMs, HostSignal signal) {
        l.started(now);
        l.finished(now, now + latencyMs * MS, signal);
        return now + latencyMs * MS;
    }

    /** {@code n} requests at once, all finishing after {@code latencyMs}; returns the new "now". */
    private static long burst(HostLimit l, long now, int n, long latencyMs, HostSignal signal) {
        for (int i = 0; i < n; i++) {
            l.started(now);
        }
        for (int i = 0; i < n; i++) {
            l.finished(now, now + latencyMs * MS, signal);
        }
        return now + latencyMs * MS;
    }

    @Test
    void aFreshHostGetsItsCeilingAndKeepsItWhileItAnswers() {
        HostLimit l = new HostLimit(64, true);
        assertThat(l.limit()).isEqualTo(64);
        long now = 0;
        for (int i = 0; i < 100; i++) {
            now = burst(l, now, 64, 2, HostSignal.ANSWERED);
        }
        assertThat(l.limit()).isEqualTo(64);
        assertThat(l.failing()).isFalse();
        assertThat(l.slow(1024, now, FIVE_S)).isFalse();
        assertThat(l.norm()).isBetween(1.9 * MS, 2.1 * MS);
    }

    @Test
    void failuresTogetherAreOneCutAndRoundAfterRoundOfFailuresBringTheLimitToOneProbeAndAnswersBack() {
        HostLimit l = new HostLimit(64, true);
        long now = burst(l, 0, 64, 2000, HostSignal.FAILED); // 64 timeouts at once: one congestion event
        assertThat(l.limit()).isEqualTo(57);
        int rounds = 1;
        while (l.limit() > 1) {
            int before = l.limit();
            now = burst(l, now, l.limit(), 2000, HostSignal.FAILED); // every round times out
            assertThat(l.limit()).isLessThan(before);
            rounds++;
        }
        assertThat(rounds).isBetween(20, 30); // a tenth per round, at least one request each
        assertThat(l.failing()).isTrue();
        int before = l.limit();
        while (l.limit() < 64) {
            now = burst(l, now, l.limit(), 2, HostSignal.ANSWERED);
            assertThat(l.limit()).isGreaterThan(before);
            before = l.limit();
        }
        assertThat(l.failing()).isFalse();
    }

    @Test
    void aHostWhoseFewEndpointsHangOrFailWhileTheOthersAnswerKeepsMostOfItsLimit() {
        // every 100 ms: 10 answers in a millisecond, 3 fast 500s, and one request that times out after 2 s
        HostLimit l = new HostLimit(64, true);
        java.util.ArrayDeque<Long> hanging = new java.util.ArrayDeque<>();
        long now = 0;
        for (int tick = 0; tick < 600; tick++) {
            now += 100 * MS;
            while (!hanging.isEmpty() && hanging.peek() + 2_000 * MS <= now) {
                l.finished(hanging.poll(), now, HostSignal.FAILED);
            }
            if (l.hasRoom(false)) {
                l.started(now);
                hanging.add(now);
            }
            for (int i = 0; i < 10 && l.hasRoom(false); i++) {
                l.started(now);
                l.finished(now, now + MS, HostSignal.ANSWERED);
            }
            for (int i = 0; i < 3 && l.hasRoom(false); i++) {
                l.started(now);
                l.finished(now, now + MS, HostSignal.FAILED);
            }
        }
        // a cut per failure would have it at one request, queueing the answering endpoints behind the hanging ones
        assertThat(l.limit()).isGreaterThan(32);
        assertThat(l.failing()).isFalse(); // 4 of 14 results failed
    }

    @Test
    void anAnswerFarSlowerThanTheHostsNormCountsAsAFailureAndAModestOneDoesNot() {
        HostLimit l = new HostLimit(10, true);
        long now = 0;
        for (int i = 0; i < 50; i++) {
            now = request(l, now, 20, HostSignal.ANSWERED);
        }
        now = request(l, now, 150, HostSignal.ANSWERED); // 7.5 times the norm: a loaded machine, not a sick host
        assertThat(l.limit()).isEqualTo(10);
        now = request(l, now, 2_000, HostSignal.ANSWERED); // 100 times the norm
        assertThat(l.limit()).isEqualTo(9);
    }

    @Test
    void aMillisecondHostIsNotSlowBelowTheFloor() {
        HostLimit l = new HostLimit(10, true);
        long now = 0;
        for (int i = 0; i < 50; i++) {
            now = request(l, now, 1, HostSignal.ANSWERED);
        }
        now = request(l, now, 90, HostSignal.ANSWERED); // 90 times the norm, under the 100 ms floor
        assertThat(l.limit()).isEqualTo(10);
    }

    @Test
    void aHostThatStopsAnsweringIsInTroubleBeforeItsFirstTimeout() {
        HostLimit l = new HostLimit(64, true);
        long now = 0;
        for (int i = 0; i < 64; i++) {
            l.started(now);
        }
        // just started: nothing known yet, the queue is waited for
        assertThat(l.slow(1024, now + 10 * MS, FIVE_S)).isFalse();
        // hanging: 64 in flight for 400 ms and 1024 behind them: at least 17 rounds of 400 ms
        assertThat(l.expectedWait(1024, now + 400 * MS)).isGreaterThanOrEqualTo(17 * 400.0 * MS);
        assertThat(l.slow(1024, now + 400 * MS, FIVE_S)).isTrue();
        // a small queue behind them is still waited for
        assertThat(l.slow(10, now + 400 * MS, FIVE_S)).isFalse();
    }

    @Test
    void oneHangingRequestAmongFastOnesDoesNotMakeTheHostSlow() {
        HostLimit l = new HostLimit(64, true);
        long now = burst(l, 0, 64, 2, HostSignal.ANSWERED);
        l.started(now); // this one hangs
        long later = now + 3_000 * MS;
        for (int i = 0; i < 63; i++) {
            l.started(later);
        }
        assertThat(l.slow(1024, later + 2 * MS, FIVE_S)).isFalse();
    }

    @Test
    void aHostTooSlowForItsQueueIsSlowEvenWhenItsNormIsSlowToo() {
        HostLimit l = new HostLimit(4, true);
        long now = 0;
        for (int i = 0; i < 20; i++) {
            now = burst(l, now, 4, 2_000, HostSignal.ANSWERED); // a steady 2 s host, healthy by its own norm
        }
        assertThat(l.limit()).isEqualTo(4);
        // 100 waiting at 4 per 2 s: 50 s to start the last one
        assertThat(l.slow(100, now, FIVE_S)).isTrue();
        assertThat(l.slow(6, now, FIVE_S)).isFalse();
        assertThat(l.failing()).isFalse();
    }

    @Test
    void aHostWhoseRequestsTimeOutIsSlowForAQueueWhileItsProbeHangs() {
        HostLimit l = new HostLimit(2, true);
        long now = 0;
        for (int i = 0; i < 10; i++) {
            now = request(l, now, 2_000, HostSignal.FAILED); // never answers
        }
        assertThat(l.limit()).isEqualTo(1);
        assertThat(l.failing()).isTrue();
        l.started(now);
        now += 2_000 * MS; // the probe has hung as long as a timeout: one place, not moving
        assertThat(l.slow(1, now, FIVE_S)).isFalse(); // two deliveries at one per 2 s: 4 s
        assertThat(l.slow(2, now, FIVE_S)).isTrue(); // three: 6 s
    }

    @Test
    void fastFailuresKeepAHostMovingWhileItsHangingRequestsDoNot() {
        HostLimit l = new HostLimit(32, true);
        long now = 0;
        for (int i = 0; i < 50; i++) {
            now = request(l, now, 5, i % 3 == 0 ? HostSignal.ANSWERED : HostSignal.FAILED); // 500s in 5 ms
        }
        assertThat(l.failing()).isTrue();
        int limit = l.limit();
        assertThat(limit).isGreaterThan(20); // failures 5 ms apart: one cut per 100 ms round
        for (int i = 0; i < limit - 10; i++) {
            l.started(now); // all but ten hang
        }
        now += 1_000 * MS;
        // ten places turn over every 5 ms: a queue of 1,000 starts within about half a second
        assertThat(l.slow(1_000, now, FIVE_S)).isFalse();
        for (int i = 0; i < 10; i++) {
            l.started(now - 500 * MS); // and now every place hangs: nothing moves
        }
        assertThat(l.slow(1_000, now, FIVE_S)).isTrue();
    }

    @Test
    void requestsThatReachedNoHostTeachNothing() {
        HostLimit l = new HostLimit(8, true);
        long now = burst(l, 0, 8, 5_000, HostSignal.NONE);
        assertThat(l.limit()).isEqualTo(8);
        assertThat(l.norm()).isZero();
        assertThat(l.failing()).isFalse();
        assertThat(l.slow(0, now, FIVE_S)).isFalse();
        assertThat(l.atRest()).isTrue();
    }

    @Test
    void aFixedLimitNeverMovesAndIsNeverInTrouble() {
        HostLimit l = new HostLimit(16, false);
        long now = burst(l, 0, 16, 10_000, HostSignal.FAILED);
        assertThat(l.limit()).isEqualTo(16);
        assertThat(l.failing()).isFalse();
        assertThat(l.slow(1_000_000, now, FIVE_S)).isFalse();
        assertThatThrownBy(() -> new HostLimit(0, true)).hasMessageContaining("at least 1");
    }

    @Property
    void theLimitStaysWithinOneAndTheCeiling(@ForAll @IntRange(min = 1, max = 300) int ceiling,
                                             @ForAll("results") @Size(max = 400) List<Result> results) {
        HostLimit l = new HostLimit(ceiling, true);
        long now = 0;
        for (Result r : results) {
            now = burst(l, now, Math.min(r.concurrency(), l.limit()), r.latencyMs(), r.signal());
            assertThat(l.limit()).isBetween(1, ceiling);
            assertThat(l.inFlight()).isZero();
        }
    }

    @Property
    void aFailureNeverRaisesTheLimitAndCutsItWhenAboveOneAndARoundHasPassed(@ForAll @IntRange(min = 1, max = 300) int ceiling,
                                                          @ForAll("results") @Size(max = 100) List<Result> history,
                                                          @ForAll @IntRange(min = 0, max = 60_000) int latencyMs) {
        HostLimit l = new HostLimit(ceiling, true);
        long now = 0;
        for (Result r : history) {
            now = burst(l, now, Math.min(r.concurrency(), l.limit()), r.latencyMs(), r.signal());
        }
        int before = l.limit();
        long round = l.round();
        request(l, now, latencyMs, HostSignal.FAILED);
        assertThat(l.limit()).isLessThanOrEqualTo(before);
        if (before > 1 && latencyMs * MS >= round) { // the last cut was at the latest when the history ended
            assertThat(l.limit()).isLessThan(before);
        }
    }

    @Property
    void answersAtTheUsualLatencyGrowTheLimitBackToTheCeiling(@ForAll @IntRange(min = 1, max = 300) int ceiling,
                                                               @ForAll @IntRange(min = 1, max = 200) int failures,
                                                               @ForAll @IntRange(min = 1, max = 500) int latencyMs) {
        HostLimit l = new HostLimit(ceiling, true);
        long now = burst(l, 0, 1, latencyMs, HostSignal.ANSWERED);
        for (int i = 0; i < failures; i++) {
            now = request(l, now, latencyMs, HostSignal.FAILED);
        }
        int rounds = 0;
        while (l.limit() < ceiling) {
            int before = l.limit();
            now = burst(l, now, l.limit(), latencyMs, HostSignal.ANSWERED); // using the whole limit
            assertThat(l.limit()).isGreaterThan(before);
            rounds++;
        }
        assertThat(rounds).isLessThanOrEqualTo(ceiling);
    }

    record Result(int concurrency, long latencyMs, HostSignal signal) {
    }

    @Provide
    Arbitrary<List<Result>> results() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(1, 300),
                        Arbitraries.longs().between(0, 30_000), Arbitraries.of(HostSignal.class))
                .as(Result::new).list();
    }
}
