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
}
