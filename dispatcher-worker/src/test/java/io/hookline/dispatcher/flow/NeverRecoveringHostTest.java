package io.hookline.dispatcher.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Deliveries to a host that never recovers, through the real scheduler, limits and admission on a simulated clock: a
 * lane's handling of each admission (queue, wait, set aside, fail fast) and a retry schedule. Every delivery must reach
 * its final failure within its schedule's span plus a bound, after a real request at its last attempt, and none but
 * a last attempt is set aside for free once the host is failing (a failing host could otherwise keep a delivery for
 * ever without an attempt).
 */
class NeverRecoveringHostTest {

    private static final long MS = 1_000_000L;
    /** How soon a delivery that waits for its host's full queue is looked at again (the retry lane's recheck). */
    private static final long RECHECK = 50 * MS;
    /** Results after which a host whose every request fails is failing: 1 - 0.9^7 >= 0.5. */
    private static final int RESULTS_TO_FAILING = 7;

    @Property(tries = 300)
    void aDeliveryToAHostThatNeverRecoversFailsWithinItsScheduleAndABound(
            @ForAll @IntRange(min = 1, max = 40) int deliveries,
            @ForAll @IntRange(min = 1, max = 8) int ceiling,
            @ForAll @IntRange(min = 1, max = 8) int maxQueued,
            @ForAll @IntRange(min = 1, max = 3_000) int failAfterMs,
            @ForAll @IntRange(min = 100, max = 3_000) int maxWaitMs,
            @ForAll @Size(max = 4) List<@IntRange(min = 10, max = 2_000) Integer> delaysMs,
            @ForAll @IntRange(min = 0, max = 2_000) int arrivalSpreadMs) {
        Simulation sim = new Simulation(ceiling, maxQueued, failAfterMs * MS, maxWaitMs * MS,
                delaysMs.stream().map(d -> d * MS).toList());
        for (int i = 0; i < deliveries; i++) {
            sim.arrive(arrivalSpreadMs * MS * i / deliveries);
        }
        sim.run(Duration.ofHours(10).toNanos());

        long span = delaysMs.stream().mapToLong(d -> d * MS).sum();
        int attempts = delaysMs.size() + 1;
        long failAfter = failAfterMs * MS;
        long maxWait = maxWaitMs * MS;
        // per attempt: the allowed wait twice (held for a full queue, then in the queue) and the request itself twice
        // (one running when it was queued, its own); before the host is known to fail, one set-aside and the results
        // that make it failing; and the time to work through the deliveries ahead, one request at a time
        long bound = span + attempts * (2 * maxWait + 2 * failAfter + 2 * RECHECK)
                + maxWait + RESULTS_TO_FAILING * failAfter
                + (long) deliveries * attempts * failAfter;
        for (Simulation.Delivery d : sim.deliveries) {
            assertThat(d.finalAt).as("delivery %d reached its final failure", d.id).isNotNegative();
            assertThat(d.attempts).isEqualTo(attempts);
            assertThat(d.lastWasARequest).as("delivery %d: its last attempt was a request", d.id).isTrue();
            assertThat(d.finalAt - d.arrivedAt).as("delivery %d: time to its final failure", d.id)
                    .isLessThanOrEqualTo(bound);
            assertThat(d.freeSetAsidesWhileFailing).as("delivery %d: set aside for free by a failing host", d.id)
                    .isZero();
        }
    }

    /** The lanes' handling of admissions on a simulated clock; every request fails after {@code failAfter}. */
    private static final class Simulation {

        private record Event(long at, long seq, Runnable action) {
        }

        static final class Delivery {
            final int id;
            final long arrivedAt;
            int attempts;
            int freeSetAsidesWhileFailing;
            boolean lastWasARequest;
            long finalAt = -1;

            Delivery(int id, long arrivedAt) {
                this.id = id;
                this.arrivedAt = arrivedAt;
            }
        }

        private static final String HOST = "dead:443";
        private final AtomicLong clock = new AtomicLong();
        private final PriorityQueue<Event> events = new PriorityQueue<>((a, b) -> a.at != b.at
                ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
        private long seq;
        private final DeliveryScheduler scheduler;
        private final int maxQueued;
        private final long failAfter;
        private final long maxWait;
        private final List<Long> delays;
        final List<Delivery> deliveries = new ArrayList<>();
        private int results;

        Simulation(int ceiling, int maxQueued, long failAfter, long maxWait, List<Long> delays) {
            this.scheduler = new DeliveryScheduler(1_000, DeliveryScheduler.PerHost.adaptive(ceiling,
                    Duration.ofNanos(maxWait)), clock::get);
            this.maxQueued = maxQueued;
            this.failAfter = failAfter;
            this.maxWait = maxWait;
            this.delays = delays;
        }

        void arrive(long at) {
            Delivery d = new Delivery(deliveries.size(), at);
            deliveries.add(d);
            at(at, () -> due(d));
        }

        void run(long until) {
            Event e;
            while ((e = events.poll()) != null && e.at <= until) {
                clock.set(e.at);
                e.action.run();
            }
        }

        private void at(long time, Runnable action) {
            events.add(new Event(time, seq++, action));
        }

        private void due(Delivery d) {
            long now = clock.get();
            boolean last = d.attempts == delays.size();
            switch (scheduler.admission(HOST, maxQueued, last)) {
                case QUEUE -> scheduler.submit(new DeliveryScheduler.Task(null, HOST, () -> false, () -> {
                    CompletableFuture<HostSignal> answer = new CompletableFuture<>();
                    at(clock.get() + failAfter, () -> {
                        results++;
                        d.lastWasARequest = last;
                        attempted(d);
                        answer.complete(HostSignal.FAILED);
                    });
                    return answer;
                }, last ? null : () -> {
                    attempted(d);
                    return CompletableFuture.completedFuture(null);
                }, last));
                case WAIT -> at(now + RECHECK, () -> due(d));
                case SET_ASIDE -> {
                    if (results >= RESULTS_TO_FAILING && !last) {
                        d.freeSetAsidesWhileFailing++;
                    }
                    at(now + maxWait, () -> due(d));
                }
                case FAIL_FAST -> attempted(d);
            }
        }

        /** An attempt was spent, with or without a request: the next follows the schedule, or the delivery fails. */
        private void attempted(Delivery d) {
            d.attempts++;
            if (d.attempts <= delays.size()) {
                at(clock.get() + delays.get(d.attempts - 1), () -> due(d));
            } else {
                d.finalAt = clock.get();
            }
        }
    }
}
