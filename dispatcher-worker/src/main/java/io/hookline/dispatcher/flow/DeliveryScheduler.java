package io.hookline.dispatcher.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Runs deliveries concurrently within budgets: at most {@code maxInFlight} at once, at most the host's limit at
 * once to one host, and tasks with the same ordering key strictly one after another in submission order (different
 * keys in parallel). A host at its limit never blocks tasks for other hosts. A host's limit is either fixed or
 * adapted to what the host sustains ({@link HostLimit}), within the configured per-host ceiling. Thread-safe.
 */
public final class DeliveryScheduler {

    /**
     * How much one host gets.
     *
     * @param ceiling  the most deliveries at once to one host
     * @param adaptive true to adapt each host's limit to its failures and latency (webhooks), false for a fixed
     *                 limit at the ceiling (interactions: one call each, a person waiting)
     * @param maxWait  how long a host's queued deliveries may take to start before the host counts as slow
     */
    public record PerHost(int ceiling, boolean adaptive, java.time.Duration maxWait) {

        public static PerHost fixed(int limit) {
            return new PerHost(limit, false, java.time.Duration.ZERO);
        }

        public static PerHost adaptive(int ceiling, java.time.Duration maxWait) {
            return new PerHost(ceiling, true, maxWait);
        }
    }

    /** Told when a host gets a limit of its own and when it is forgotten (at rest again), for per-host meters. */
    public interface HostWatch {
        void tracked(String host, IntSupplier limit);

        void forgotten(String host);
    }

    private static final HostWatch NO_WATCH = new HostWatch() {
        @Override
        public void tracked(String host, IntSupplier limit) {
        }

        @Override
        public void forgotten(String host) {
        }
    };

    /**
     * One delivery.
     *
     * @param orderingKey tasks with an equal key run in order, one at a time; null for no ordering
     * @param host        the destination host the per-host budget counts against
     * @param cancelled   checked just before starting: true drops the task (its partition was revoked)
     * @param work        starts the work; the returned stage completes when the task's result is handed off,
     *                    with a {@link HostSignal} when it tells how the host coped (any other value counts as
     *                    {@link HostSignal#NONE})
     * @param failFast    instead of {@code work}, for a task still waiting when its host is found failing with a queue
     *                    that would not start in time: spends the attempt without a request (see
     *                    {@link Admission#FAIL_FAST}; null: the task always waits for its host)
     * @param last        a delivery's last attempt: always a request, and made within the host's ceiling rather than
     *                    its adaptive limit. Why: the limit paces the attempts a delivery can spare; held to one probe
     *                    per timeout, the last attempts to a host that hangs would end one per timeout (hours for a
     *                    queue of them), so they go at the configured per-host budget, as every attempt did before
     *                    limits adapted, and deliveries to a dead host end at that pace
     */
    public record Task(String orderingKey, String host, BooleanSupplier cancelled,
                       Supplier<? extends CompletionStage<?>> work, Supplier<? extends CompletionStage<?>> failFast,
                       boolean last) {

        /** A task that always waits for its host, within its limit. */
        public Task(String orderingKey, String host, BooleanSupplier cancelled,
                    Supplier<? extends CompletionStage<?>> work) {
            this(orderingKey, host, cancelled, work, null, false);
        }

        /** A task that is not a delivery's last attempt. */
        public Task(String orderingKey, String host, BooleanSupplier cancelled,
                    Supplier<? extends CompletionStage<?>> work, Supplier<? extends CompletionStage<?>> failFast) {
            this(orderingKey, host, cancelled, work, failFast, false);
        }
    }

    /**
     * A task taken into work at {@code startedAt} (the scheduler's clock), or taken out of its host's queue to fail
     * fast ({@code failFast}: it holds no room of the budgets).
     */
    private record Started(Task task, long startedAt, boolean failFast) {
    }

    private final int maxInFlight;
    private final PerHost perHost;
    private final LongSupplier nanoTime;
    private volatile HostWatch watch = NO_WATCH;
    private final Map<String, ArrayDeque<Task>> keyQueues = new HashMap<>();
    private final LinkedHashMap<String, ArrayDeque<Task>> ready = new LinkedHashMap<>();
    /** Hosts kept with their limits before those at rest are forgotten. */
    static final int HOSTS_KEPT = 1024;
    private final Map<String, HostLimit> hosts = new HashMap<>();
    private int sweepAbove = HOSTS_KEPT;
    private final Map<String, Integer> hostWaiting = new HashMap<>();
    private int inFlight;
    private int pending;
    private int maxObservedInFlight;
    private final ThreadLocal<ArrayDeque<Started>> trampoline = new ThreadLocal<>();

    /** Fixed budgets: {@code maxPerHost} at once to every host. */
    public DeliveryScheduler(int maxInFlight, int maxPerHost) {
        this(maxInFlight, PerHost.fixed(maxPerHost), System::nanoTime);
    }

    /** @param nanoTime the clock request latencies are measured with (nanoseconds, monotonic) */
    public DeliveryScheduler(int maxInFlight, PerHost perHost, LongSupplier nanoTime) {
        if (maxInFlight < 1 || perHost.ceiling() < 1) {
            throw new IllegalArgumentException("budgets must be at least 1");
        }
        this.maxInFlight = maxInFlight;
        this.perHost = perHost;
        this.nanoTime = nanoTime;
    }

    /** Reports hosts with a limit of their own to {@code watch} from now on. */
    public void watchHosts(HostWatch watch) {
        this.watch = watch;
    }

    /**
     * What to do with one more delivery to {@code host} ({@link Admission#decide}): queue it while fewer than
     * {@code maxQueued} wait for the host; beyond that let it wait where it is while the host would have room again
     * ({@link #hasRoom}) within the per-host {@code maxWait}, else set it aside, or make it fail fast when the host
     * is failing too and the attempt is not the delivery's {@code last}.
     */
    public synchronized Admission admission(String host, int maxQueued, boolean last) {
        int waiting = hostWaiting.getOrDefault(host, 0);
        if (waiting < maxQueued) {
            return Admission.QUEUE;
        }
        HostLimit limit = hosts.get(host);
        int ahead = waiting - roomAt(maxQueued) + 1;
        boolean slow = limit != null && limit.slow(ahead, nanoTime.getAsLong(), perHost.maxWait().toNanos());
        return Admission.decide(waiting, maxQueued, limit != null && limit.failing(), slow, last);
    }

    /**
     * Whether work held back for {@code host}'s full queue may go on: once half the queue has started, so that a
     * held-back partition is resumed for a batch of work rather than for every single free place.
     */
    public synchronized boolean hasRoom(String host, int maxQueued) {
        return hostWaiting.getOrDefault(host, 0) < roomAt(maxQueued);
    }

    private static int roomAt(int maxQueued) {
        return Math.max(1, maxQueued / 2);
    }

    /** The current concurrency limit of {@code host} (its ceiling when it has none of its own). */
    public synchronized int limit(String host) {
        HostLimit limit = hosts.get(host);
        return limit == null ? perHost.ceiling() : limit.limit();
    }

    /** Tasks submitted and not started yet, for every host. */
    public synchronized int waiting() {
        return pending - inFlight;
    }

    public void submit(Task task) {
        List<Started> toStart;
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
    private void start(List<Started> tasks) {
        ArrayDeque<Started> work = trampoline.get();
        if (work != null) {
            work.addAll(tasks);
            return;
        }
        work = new ArrayDeque<>(tasks);
        trampoline.set(work);
        RuntimeException first = null;
        try {
            Started task;
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

    private void run(Started started) {
        Task task = started.task();
        if (started.failFast()) {
            failFast(started);
            return;
        }
        if (task.cancelled().getAsBoolean()) {
            finish(started, HostSignal.NONE);
            return;
        }
        CompletionStage<?> stage;
        try {
            stage = task.work().get();
        } catch (RuntimeException e) {
            finish(started, HostSignal.NONE);
            throw e;
        }
        stage.whenComplete((r, e) -> finish(started, r instanceof HostSignal s ? s : HostSignal.NONE));
    }

    private void failFast(Started started) {
        Task task = started.task();
        CompletionStage<?> stage;
        try {
            stage = task.cancelled().getAsBoolean() ? null : task.failFast().get();
        } catch (RuntimeException e) {
            settled(task);
            throw e;
        }
        if (stage == null) {
            settled(task);
        } else {
            stage.whenComplete((r, e) -> settled(task));
        }
    }

    /** A task that failed fast is handed on: it leaves the scheduler without having held any budget. */
    private void settled(Task task) {
        List<Started> toStart;
        synchronized (this) {
            pending--;
            releaseKey(task);
            toStart = takeStartable();
        }
        start(toStart);
    }

    private void finish(Started started, HostSignal signal) {
        Task task = started.task();
        List<Started> toStart;
        synchronized (this) {
            inFlight--;
            pending--;
            HostLimit limit = hosts.get(task.host());
            long now = nanoTime.getAsLong();
            // judged while the failed request still holds its place: if it hung, the one taking its place may too
            boolean stuck = signal == HostSignal.FAILED && limit.slow(hostWaiting.getOrDefault(task.host(), 1) - 1,
                    now, perHost.maxWait().toNanos());
            limit.finished(started.startedAt(), now, signal);
            releaseKey(task);
            toStart = stuck && limit.failing() ? failFastQueueOf(task.host()) : new ArrayList<>();
            if (hosts.size() > sweepAbove) {
                forgetHostsAtRest();
            }
            toStart.addAll(takeStartable());
        }
        start(toStart);
    }

    /** Under the lock: the next task of the same ordering key becomes ready. */
    private void releaseKey(Task task) {
        if (task.orderingKey() != null) {
            ArrayDeque<Task> queue = keyQueues.get(task.orderingKey());
            Task next = queue == null ? null : queue.poll();
            if (next == null) {
                keyQueues.remove(task.orderingKey());
            } else {
                ready.computeIfAbsent(next.host(), h -> new ArrayDeque<>()).add(next);
            }
        }
    }

    /**
     * Under the lock, after a failure of {@code host} found it failing with a queue that would not start within the
     * allowed wait: takes out the waiting tasks that can fail fast, so they do not wait in memory (their offsets
     * uncommitted) for a host that answers one probe per timeout, and spend their attempt on the retry schedule (see
     * {@link Admission}). A host that fails but keeps moving keeps its queue: each delivery gets a real request.
     * Tasks that cannot fail fast stay; tasks behind an ordering key stay behind it.
     */
    private List<Started> failFastQueueOf(String host) {
        List<Started> out = new ArrayList<>();
        ArrayDeque<Task> queue = ready.get(host);
        if (queue == null) {
            return out;
        }
        queue.removeIf(t -> {
            if (t.failFast() == null) {
                return false;
            }
            out.add(new Started(t, 0, true));
            return true;
        });
        if (queue.isEmpty()) {
            ready.remove(host);
        }
        if (!out.isEmpty()) {
            hostWaiting.merge(host, -out.size(), (a, b) -> a + b == 0 ? null : a + b);
        }
        return out;
    }

    /** Under the lock: moves every task that fits the budgets from ready to running, rotating hosts for fairness. */
    private List<Started> takeStartable() {
        List<Started> out = new ArrayList<>();
        long now = nanoTime.getAsLong();
        while (inFlight < maxInFlight && !ready.isEmpty()) {
            String chosen = null;
            for (String host : ready.keySet()) {
                HostLimit limit = hosts.get(host);
                if (limit == null || limit.hasRoom(ready.get(host).peek().last())) {
                    chosen = host;
                    break;
                }
            }
            if (chosen == null) {
                break;
            }
            ArrayDeque<Task> queue = ready.remove(chosen);
            out.add(new Started(queue.poll(), now, false));
            if (!queue.isEmpty()) {
                ready.put(chosen, queue); // to the back: the next start favours another host
            }
            hostWaiting.merge(chosen, -1, (a, b) -> a + b == 0 ? null : a + b);
            inFlight++;
            maxObservedInFlight = Math.max(maxObservedInFlight, inFlight);
            limitOf(chosen).started(now);
        }
        return out;
    }

    /**
     * Forgets the hosts with nothing in flight or waiting and nothing learnt worth keeping, so the table stays as
     * large as the hosts in use or in trouble; swept only when it doubled, so a host in steady use keeps its meter.
     */
    private void forgetHostsAtRest() {
        hosts.entrySet().removeIf(e -> {
            boolean forget = e.getValue().atRest() && !hostWaiting.containsKey(e.getKey());
            if (forget) {
                watch.forgotten(e.getKey());
            }
            return forget;
        });
        sweepAbove = Math.max(HOSTS_KEPT, 2 * hosts.size());
    }

    private HostLimit limitOf(String host) {
        HostLimit limit = hosts.get(host);
        if (limit == null) {
            limit = new HostLimit(perHost.ceiling(), perHost.adaptive());
            hosts.put(host, limit);
            watch.tracked(host, limit::limit);
        }
        return limit;
    }
}
