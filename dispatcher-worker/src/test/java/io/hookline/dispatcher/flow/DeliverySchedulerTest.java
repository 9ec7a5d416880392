package io.hookline.dispatcher.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DeliverySchedulerTest {

    /** Tasks that run until the test completes them, recording what started. */
    private final List<String> started = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<Void>> running = new HashMap<>();

    private DeliveryScheduler.Task task(String name, String key, String host) {
        return new DeliveryScheduler.Task(key, host, () -> false, () -> {
            started.add(name);
            CompletableFuture<Void> f = new CompletableFuture<>();
            running.put(name, f);
            return f;
        });
    }

    @Test
    void sameKeyRunsInOrderOneAtATimeOtherKeysInParallel() {
        DeliveryScheduler s = new DeliveryScheduler(10, 10);
        s.submit(task("a1", "a", "h1"));
        s.submit(task("a2", "a", "h1"));
        s.submit(task("b1", "b", "h2"));
        s.submit(task("a3", "a", "h1"));
        assertThat(started).containsExactly("a1", "b1");
        running.get("a1").complete(null);
        assertThat(started).containsExactly("a1", "b1", "a2");
        running.get("a2").complete(null);
        assertThat(started).containsExactly("a1", "b1", "a2", "a3");
        assertThat(s.pending()).isEqualTo(2);
    }

    @Test
    void workerAndHostBudgetsHoldAndASaturatedHostDoesNotBlockOthers() {
        DeliveryScheduler s = new DeliveryScheduler(3, 2);
        for (int i = 0; i < 5; i++) {
            s.submit(task("slow" + i, null, "slow"));
        }
        s.submit(task("fast0", null, "fast"));
        s.submit(task("fast1", null, "fast"));
        assertThat(started).containsExactly("slow0", "slow1", "fast0");
        assertThat(s.inFlight()).isEqualTo(3);
        running.get("fast0").complete(null);
        assertThat(started).containsExactly("slow0", "slow1", "fast0", "fast1");
        running.get("fast1").complete(null);
        // only the slow host has work left, and it is at its host limit
        assertThat(s.inFlight()).isEqualTo(2);
        running.get("slow0").complete(null);
        assertThat(started).endsWith("slow2");
        assertThat(s.maxObservedInFlight()).isEqualTo(3);
    }

    @Test
    void cancelledTasksAreDroppedAndReleaseTheirKey() {
        DeliveryScheduler s = new DeliveryScheduler(1, 1);
        AtomicBoolean revoked = new AtomicBoolean(false);
        s.submit(task("first", "k", "h"));
        s.submit(new DeliveryScheduler.Task("k", "h", revoked::get, () -> {
            started.add("dropped");
            return CompletableFuture.completedFuture(null);
        }));
        s.submit(task("after", "k", "h"));
        revoked.set(true);
        running.get("first").complete(null);
        assertThat(started).containsExactly("first", "after");
    }

    @Test
    void longChainsOfInstantTasksDoNotOverflowTheStack() {
        DeliveryScheduler s = new DeliveryScheduler(1, 1);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        s.submit(new DeliveryScheduler.Task("k", "h", () -> false, () -> gate));
        int[] count = {0};
        for (int i = 0; i < 50_000; i++) {
            s.submit(new DeliveryScheduler.Task("k", "h", () -> false, () -> {
                count[0]++;
                return CompletableFuture.completedFuture(null);
            }));
        }
        gate.complete(null);
        assertThat(count[0]).isEqualTo(50_000);
        assertThat(s.pending()).isZero();
    }

    @Test
    void waitingCountsTasksNotYetStartedPerHost() {
        DeliveryScheduler s = new DeliveryScheduler(10, 1);
        s.submit(task("d0", null, "dead"));
        s.submit(task("d1", null, "dead"));
        s.submit(task("d2", "k", "dead"));
        s.submit(task("d3", "k", "dead"));
        s.submit(task("o0", null, "other"));
        assertThat(s.waiting("dead")).isEqualTo(3);
        assertThat(s.waiting("other")).isZero();
        running.get("d0").complete(null);
        assertThat(s.waiting("dead")).isEqualTo(2);
    }

    @Test
    void aTaskThatThrowsFailsAloneAndReleasesItsBudget() {
        DeliveryScheduler s = new DeliveryScheduler(1, 1);
        CompletableFuture<Void> gate = new CompletableFuture<>();
        s.submit(new DeliveryScheduler.Task(null, "h", () -> false, () -> gate));
        s.submit(new DeliveryScheduler.Task(null, "h", () -> false, () -> {
            throw new IllegalStateException("boom");
        }));
        s.submit(task("later", null, "h"));
        gate.complete(null); // the throw surfaces in the completing stage, not here
        assertThat(started).containsExactly("later");
        assertThat(s.inFlight()).isEqualTo(1);
        running.get("later").complete(null);
        assertThat(s.pending()).isZero();
    }

    /** Tasks whose completion tells the scheduler how the host coped. */
    private final Map<String, CompletableFuture<HostSignal>> calls = new HashMap<>();

    private DeliveryScheduler.Task call(String name, String host) {
        return new DeliveryScheduler.Task(null, host, () -> false, () -> {
            started.add(name);
            CompletableFuture<HostSignal> f = new CompletableFuture<>();
            calls.put(name, f);
            return f;
        });
    }

    private static final java.time.Duration WAIT = java.time.Duration.ofSeconds(5);
    private static final long MS = 1_000_000L;

    private static DeliveryScheduler.PerHost adaptive(int ceiling) {
        return DeliveryScheduler.PerHost.adaptive(ceiling, WAIT);
    }

    /** A task that counts its fail-fast instead of starting, when it is taken out of a stuck failing host's queue. */
    private DeliveryScheduler.Task call(String name, String host, List<String> failedFast) {
        return new DeliveryScheduler.Task(null, host, () -> false, () -> {
            started.add(name);
            CompletableFuture<HostSignal> f = new CompletableFuture<>();
            calls.put(name, f);
            return f;
        }, () -> {
            failedFast.add(name);
            return CompletableFuture.completedFuture(null);
        });
    }

    @Test
    void aFullQueueOfAHostThatKeepsMovingMakesTheNextDeliveryWaitEvenWhenTheHostFails() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DeliveryScheduler s = new DeliveryScheduler(100, adaptive(2), now::get);
        for (int i = 0; i < 4; i++) {
            assertThat(s.admission("h", 2, false)).isEqualTo(Admission.QUEUE);
            s.submit(call("h" + i, "h"));
        }
        assertThat(started).containsExactly("h0", "h1");
        assertThat(s.waiting("h")).isEqualTo(2);
        assertThat(s.admission("h", 2, false)).isEqualTo(Admission.WAIT);
        assertThat(s.admission("other", 2, false)).isEqualTo(Admission.QUEUE);
        // 500s in 10 ms, round after round: failing, but its queue starts within a fraction of a second: waited for
        for (int i = 0; i < 20; i++) {
            now.addAndGet(10 * MS);
            s.submit(call("x" + i, "h"));
            List<String> inFlight = started.stream().filter(n -> !calls.get(n).isDone()).toList();
            inFlight.forEach(n -> calls.get(n).complete(HostSignal.FAILED));
            now.addAndGet(190 * MS);
        }
        assertThat(s.limit("h")).isEqualTo(1);
        assertThat(s.waiting("h")).isGreaterThanOrEqualTo(2);
        assertThat(s.admission("h", 2, false)).isEqualTo(Admission.WAIT);
    }

    @Test
    void aFullQueueOfASlowHostThatAnswersIsSetAsideAndOfAStuckFailingHostFailsFast() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DeliveryScheduler s = new DeliveryScheduler(100, adaptive(1), now::get);
        List<String> failedFast = new ArrayList<>();
        // a host answering in 3 s, one at a time: its queue of two would start in 6 s, beyond the 5 s allowed
        s.submit(call("slow0", "slow", failedFast));
        for (int i = 1; i <= 10; i++) {
            s.submit(call("slow" + i, "slow", failedFast));
            now.addAndGet(3_000 * MS);
            calls.get("slow" + (i - 1)).complete(HostSignal.ANSWERED);
        }
        s.submit(call("slow11", "slow", failedFast));
        assertThat(s.waiting("slow")).isEqualTo(1);
        assertThat(s.admission("slow", 1, false)).isEqualTo(Admission.SET_ASIDE);
        // a host whose requests all time out after 2 s: failing, and its queue of three would take 6 s
        s.submit(call("dead0", "dead", failedFast));
        for (int i = 1; i <= 10; i++) {
            s.submit(call("dead" + i, "dead", failedFast));
            now.addAndGet(2_000 * MS);
            calls.get(started.get(started.size() - 1)).complete(HostSignal.FAILED);
        }
        assertThat(s.admission("dead", 3, false)).isEqualTo(Admission.QUEUE); // nothing waits: the probe is in flight
        for (int i = 11; i < 14; i++) {
            s.submit(call("dead" + i, "dead", failedFast));
        }
        // the probe just started: nothing known to hang yet, the queue is waited for
        assertThat(s.admission("dead", 3, false)).isEqualTo(Admission.WAIT);
        now.addAndGet(1_500 * MS); // it hangs: four deliveries at one per 1.5 s or more, beyond 5 s
        assertThat(s.admission("dead", 3, false)).isEqualTo(Admission.FAIL_FAST);
        assertThat(s.admission("dead", 3, true)).isEqualTo(Admission.SET_ASIDE); // a last attempt is always a request
        assertThat(s.admission("slow", 1, false)).isEqualTo(Admission.SET_ASIDE);
        assertThat(s.admission("other", 1, false)).isEqualTo(Admission.QUEUE);
        assertThat(failedFast).isEmpty();
        // the probe times out too: the queue it leaves would take 6 s, so it fails fast rather than wait in memory
        now.addAndGet(500 * MS);
        calls.get("dead10").complete(HostSignal.FAILED);
        assertThat(failedFast).containsExactly("dead11", "dead12", "dead13");
        assertThat(s.waiting("dead")).isZero();
        assertThat(started).doesNotContain("dead11", "dead12", "dead13");
    }

    @Test
    void anAdaptiveLimitHoldsBackAFailingHostWithoutHoldingBackOthers() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DeliveryScheduler s = new DeliveryScheduler(100, adaptive(4), now::get);
        for (int i = 0; i < 8; i++) {
            s.submit(call("bad" + i, "bad"));
            s.submit(call("good" + i, "good"));
        }
        assertThat(s.inFlight()).isEqualTo(8);
        for (int i = 0; i < 4; i++) {
            now.addAndGet(200 * MS); // a round apart: each failure is its own congestion event
            calls.get("bad" + i).complete(HostSignal.FAILED);
        }
        // four failures: 4 -> 3 -> 2 -> 1 -> 1; one probe in flight for the failing host
        assertThat(s.limit("bad")).isEqualTo(1);
        assertThat(started).filteredOn(n -> n.startsWith("bad")).hasSize(5);
        for (int i = 0; i < 4; i++) {
            calls.get("good" + i).complete(HostSignal.ANSWERED);
        }
        assertThat(s.limit("good")).isEqualTo(4);
        assertThat(started).filteredOn(n -> n.startsWith("good")).hasSize(8);
        // the probe answering lets the limit grow again
        calls.get("bad4").complete(HostSignal.ANSWERED);
        assertThat(s.limit("bad")).isEqualTo(2);
        assertThat(s.waiting()).isEqualTo(1);
    }

    @Test
    void aFixedBudgetIgnoresSignals() {
        DeliveryScheduler s = new DeliveryScheduler(10, 2);
        s.submit(call("a", "h"));
        s.submit(call("b", "h"));
        calls.get("a").complete(HostSignal.FAILED);
        assertThat(s.limit("h")).isEqualTo(2);
        assertThat(s.admission("h", 1, false)).isEqualTo(Admission.QUEUE);
    }

    @Test
    void hostsAtRestAreForgottenOnlyOnceTheTableOutgrowsItsSize() {
        List<String> forgotten = new ArrayList<>();
        List<String> tracked = new ArrayList<>();
        DeliveryScheduler s = new DeliveryScheduler(10_000, adaptive(4), () -> 0L);
        s.watchHosts(new DeliveryScheduler.HostWatch() {
            @Override
            public void tracked(String host, java.util.function.IntSupplier limit) {
                tracked.add(host);
            }

            @Override
            public void forgotten(String host) {
                forgotten.add(host);
            }
        });
        for (int i = 0; i <= DeliveryScheduler.HOSTS_KEPT; i++) {
            s.submit(call("c" + i, "host" + i));
        }
        calls.get("c2").complete(HostSignal.ANSWERED); // at rest again: forgotten as the table is swept
        calls.get("c1").complete(HostSignal.FAILED); // in trouble: kept (and no sweep until the table doubles)
        assertThat(tracked).hasSize(DeliveryScheduler.HOSTS_KEPT + 1);
        assertThat(forgotten).containsExactly("host2");
    }

    @Test
    void aDeliverysLastAttemptGoesWithinTheCeilingWhileTheLimitHoldsTheOthersToOneProbe() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DeliveryScheduler s = new DeliveryScheduler(100, adaptive(4), now::get);
        for (int i = 0; i < 4; i++) {
            s.submit(call("probe" + i, "dead"));
        }
        for (int i = 0; i < 4; i++) {
            now.addAndGet(200 * MS); // a round apart: 4 -> 3 -> 2 -> 1
            calls.get("probe" + i).complete(HostSignal.FAILED);
        }
        assertThat(s.limit("dead")).isEqualTo(1);
        s.submit(call("a", "dead"));
        s.submit(call("b", "dead"));
        assertThat(started).contains("a").doesNotContain("b"); // one probe at a time
        for (int i = 0; i < 4; i++) {
            String name = "last" + i;
            s.submit(new DeliveryScheduler.Task(null, "dead", () -> false, () -> {
                started.add(name);
                CompletableFuture<HostSignal> f = new CompletableFuture<>();
                calls.put(name, f);
                return f;
            }, null, true));
        }
        // "b" waits for the limit; the last attempts behind it wait for "b" (one queue per host, in order)
        assertThat(started).doesNotContain("last0");
        now.addAndGet(200 * MS);
        calls.get("a").complete(HostSignal.FAILED);
        // "b" starts within the limit, then three last attempts fill the host up to its ceiling of four
        assertThat(started).contains("b", "last0", "last1", "last2").doesNotContain("last3");
        assertThat(s.inFlight()).isEqualTo(4);
    }

    @Test
    void aFailingHostsStuckQueueFailsFastExceptTasksThatCannotAndTasksBehindAKey() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DeliveryScheduler s = new DeliveryScheduler(100, adaptive(2), now::get);
        List<String> failedFast = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "d" + i;
            s.submit(new DeliveryScheduler.Task(i == 7 ? "k" : null, "dead", () -> false, () -> {
                started.add(name);
                CompletableFuture<HostSignal> f = new CompletableFuture<>();
                calls.put(name, f);
                return f;
            }, () -> {
                failedFast.add(name);
                return CompletableFuture.completedFuture(null);
            }));
        }
        s.submit(call("kept", "dead")); // cannot fail fast: it waits for its host
        s.submit(task("after-k", "k", "dead")); // behind d7's key
        assertThat(started).containsExactly("d0", "d1");
        for (int i = 0; i < 8 && failedFast.isEmpty(); i++) { // time out the probes until failing and stuck
            now.addAndGet(3_000 * MS);
            List<String> inFlight = started.stream().filter(n -> !calls.get(n).isDone()).toList();
            inFlight.forEach(n -> calls.get(n).complete(HostSignal.FAILED));
        }
        assertThat(failedFast).isNotEmpty().doesNotContainAnyElementsOf(started);
        assertThat(started).doesNotContain("after-k");
        // every delivery was either attempted or failed fast, once; d7's key moved on to the next of its key
        List<String> all = new ArrayList<>(started);
        all.addAll(failedFast);
        assertThat(all).contains("d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7").doesNotHaveDuplicates();
        assertThat(failedFast).contains("d7");
        // "kept" and "after-k" did not fail fast: they wait for the host ("kept" may be its probe by now)
        assertThat(failedFast).doesNotContain("kept", "after-k");
    }
}
