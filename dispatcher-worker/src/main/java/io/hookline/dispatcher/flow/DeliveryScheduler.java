package io.hookline.dispatcher.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Runs deliveries concurrently within budgets: at most {@code maxInFlight} at once, at most {@code maxPerHost} at
 * once to one host, and tasks with the same ordering key strictly one after another in submission order (different
 * keys in parallel). A host at its limit never blocks tasks for other hosts. Thread-safe.
 */
public final class DeliveryScheduler {

    /**
     * One delivery.
     *
     * @param orderingKey tasks with an equal key run in order, one at a time; null for no ordering
     * @param host        the destination host the per-host budget counts against
     * @param cancelled   checked just before starting: true drops the task (its partition was revoked)
     * @param work        starts the work; the returned stage completes when the task's result is handed off
     */
    public record Task(String orderingKey, String host, BooleanSupplier cancelled,
                       Supplier<? extends CompletionStage<?>> work) {
    }

    private final int maxInFlight;
    private final int maxPerHost;
    private final Map<String, ArrayDeque<Task>> keyQueues = new HashMap<>();
    private final LinkedHashMap<String, ArrayDeque<Task>> ready = new LinkedHashMap<>();
    private final Map<String, Integer> hostInFlight = new HashMap<>();
    private final Map<String, Integer> hostWaiting = new HashMap<>();
    private int inFlight;
    private int pending;
    private int maxObservedInFlight;
    private final ThreadLocal<ArrayDeque<Task>> trampoline = new ThreadLocal<>();

    public DeliveryScheduler(int maxInFlight, int maxPerHost) {
        if (maxInFlight < 1 || maxPerHost < 1) {
            throw new IllegalArgumentException("budgets must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.maxPerHost = maxPerHost;
    }

    public void submit(Task task) {
        List<Task> toStart;
        synchronized (this) {
            pending++;
            hostWaiting.merge(task.host(), 1, Integer::sum);
            if (task.orderingKey() != null) {
                ArrayDeque<Task> queue = keyQueues.get(task.orderingKey());
                if (queue != null) {
                    queue.add(task);
                    return;
                }
                keyQueues.put(task.orderingKey(), new ArrayDeque<>());
            }
            ready.computeIfAbsent(task.host(), h -> new ArrayDeque<>()).add(task);
            toStart = takeStartable();
        }
        start(toStart);
    }

    /** Tasks submitted and not finished (waiting or running). */
    public synchronized int pending() {
        return pending;
    }

    /** Tasks for {@code host} submitted and not started yet. */
    public synchronized int waiting(String host) {
        return hostWaiting.getOrDefault(host, 0);
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    /** The highest number of tasks that ever ran at once. */
    synchronized int maxObservedInFlight() {
        return maxObservedInFlight;
    }

    /**
     * Starts tasks; when called again on the same thread from inside a task's completion (a task that finished at
     * once) the tasks are queued on the outer loop instead, so long chains of instant tasks never deepen the stack.
     */
    private void start(List<Task> tasks) {
        ArrayDeque<Task> work = trampoline.get();
        if (work != null) {
            work.addAll(tasks);
            return;
        }
        work = new ArrayDeque<>(tasks);
        trampoline.set(work);
        RuntimeException first = null;
        try {
            Task task;
            while ((task = work.poll()) != null) {
                try {
                    run(task);
                } catch (RuntimeException e) {
                    // the other queued tasks must still run: a throwing task only fails itself
                    if (first == null) {
                        first = e;
                    }
                }
            }
        } finally {
            trampoline.remove();
        }
        if (first != null) {
            throw first;
        }
    }

    private void run(Task task) {
        if (task.cancelled().getAsBoolean()) {
            finish(task);
            return;
        }
        CompletionStage<?> stage;
        try {
            stage = task.work().get();
        } catch (RuntimeException e) {
            finish(task);
            throw e;
        }
        stage.whenComplete((r, e) -> finish(task));
    }

    private void finish(Task task) {
        List<Task> toStart;
        synchronized (this) {
            inFlight--;
            pending--;
            hostInFlight.merge(task.host(), -1, (a, b) -> a + b == 0 ? null : a + b);
            if (task.orderingKey() != null) {
                ArrayDeque<Task> queue = keyQueues.get(task.orderingKey());
                Task next = queue == null ? null : queue.poll();
                if (next == null) {
                    keyQueues.remove(task.orderingKey());
                } else {
                    ready.computeIfAbsent(next.host(), h -> new ArrayDeque<>()).add(next);
                }
            }
            toStart = takeStartable();
        }
        start(toStart);
    }

    /** Under the lock: moves every task that fits the budgets from ready to running, rotating hosts for fairness. */
    private List<Task> takeStartable() {
        List<Task> out = new ArrayList<>();
        while (inFlight < maxInFlight && !ready.isEmpty()) {
            String chosen = null;
            for (String host : ready.keySet()) {
                if (hostInFlight.getOrDefault(host, 0) < maxPerHost) {
                    chosen = host;
                    break;
                }
            }
            if (chosen == null) {
                break;
            }
            ArrayDeque<Task> queue = ready.remove(chosen);
            out.add(queue.poll());
            if (!queue.isEmpty()) {
                ready.put(chosen, queue); // to the back: the next start favours another host
            }
            hostWaiting.merge(chosen, -1, (a, b) -> a + b == 0 ? null : a + b);
            inFlight++;
            maxObservedInFlight = Math.max(maxObservedInFlight, inFlight);
            hostInFlight.merge(chosen, 1, Integer::sum);
        }
        return out;
    }
}
