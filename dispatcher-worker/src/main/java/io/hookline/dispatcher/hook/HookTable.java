package io.hookline.dispatcher.hook;

import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher's copy of {@code webhook-configs}: the state of every hook as {@link HookLiveness#decide} makes it
 * of its latest record. Every dispatcher needs every hook, so it reads all partitions with a consumer of its own,
 * without a group, from the beginning: {@link #restore} reads the topic to its end (the lanes start after it), then
 * {@link #run} follows it. Tokens and signing secrets are read from here at send time and nowhere else.
 */
public final class HookTable implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(HookTable.class);
    /** Also how often catch-up requests are served: they wait at most about this long besides the reading. */
    private static final Duration POLL = Duration.ofMillis(100);

    private final Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Duration catchUpWait;
    private final Map<String, HookState> states = new ConcurrentHashMap<>();
    private final Queue<CompletableFuture<Void>> catchUpRequests = new ConcurrentLinkedQueue<>();
    private final List<CatchUp> catchUps = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;

    /** A catch-up request and the end offsets it waits for. */
    private record CatchUp(CompletableFuture<Void> done, Map<TopicPartition, Long> end) {
    }

    /**
     * @param consumer    used by this table alone (from {@link #restore}'s and then {@link #run}'s thread)
     * @param catchUpWait how long a lookup of an unknown hook waits for the table to reach the topic's end
     */
    public HookTable(Consumer<byte[], byte[]> consumer, String topic, Duration catchUpWait) {
        this.consumer = consumer;
        this.topic = topic;
        this.catchUpWait = catchUpWait;
    }

    /** Reads {@code webhook-configs} from the beginning to its end as of now; closes the consumer if it cannot. */
    public void restore(Duration timeout) {
        try {
            read(timeout);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    private void read(Duration timeout) {
        long t0 = System.nanoTime();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = infos.stream()
                .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
        long deadline = System.nanoTime() + timeout.toNanos();
        long records = 0;
        while (!reached(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
            }
            records += apply(consumer.poll(POLL));
        }
        long live = states.values().stream().filter(HookState.Live.class::isInstance).count();
        LOG.info("hook table restored: {} hooks ({} live) from {} records of {} partitions in {} ms", states.size(),
                live, records, partitions.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    /** Follows the topic until {@link #stop}; serves catch-up requests between polls. */
    @Override
    public void run() {
        try {
            while (running) {
                try {
                    apply(consumer.poll(POLL));
                    serveCatchUps();
                } catch (WakeupException e) {
                    // stop() woke the consumer up
                }
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("the hook table stopped following {}: {}", topic, e.toString());
        } finally {
            catchUpRequests.forEach(f -> f.completeExceptionally(new IllegalStateException("hook table stopped")));
            catchUps.forEach(c -> c.done().completeExceptionally(new IllegalStateException("hook table stopped")));
            consumer.close();
        }
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }

    /** Why following the topic failed; null while it has not. */
    public Throwable failure() {
        return failure;
    }

    /** Hooks known, in any state. */
    public int size() {
        return states.size();
    }

    /**
     * The state of hook {@code hookId} now. A hook not in the table may have been created just before its trigger was
     * matched: the answer then waits until the table has read the topic to its end (at most the catch-up wait; past
     * it the future fails with a {@link TimeoutException}). Empty: the topic holds no record of the hook.
     */
    CompletableFuture<Optional<HookState>> current(String hookId) {
        HookState known = states.get(hookId);
        if (known != null) {
            return CompletableFuture.completedFuture(Optional.of(known));
        }
        CompletableFuture<Void> caughtUp = new CompletableFuture<>();
        catchUpRequests.add(caughtUp);
        return caughtUp.orTimeout(catchUpWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(v -> Optional.ofNullable(states.get(hookId)));
    }

    /**
     * Whether a delivery to {@code callbackUrl} of hook {@code hookId} may be sent now, and with which hook; fails
     * with a {@link TimeoutException} as {@link #current} does.
     */
    public CompletableFuture<SendDecision> decide(String hookId, String callbackUrl) {
        return current(hookId).thenApply(state -> decision(hookId, callbackUrl, state));
    }

    public Duration catchUpWait() {
        return catchUpWait;
    }

    private static SendDecision decision(String hookId, String callbackUrl, Optional<HookState> state) {
        if (state.isEmpty()) {
            return new SendDecision.Gone("hook " + hookId + " is not in webhook-configs (deleted, or never created)");
        }
        HookState s = state.get();
        if (s instanceof HookState.Live live) {
            return live.hook().callbackUrls().contains(callbackUrl) ? new SendDecision.Send(live.hook())
                    : new SendDecision.Gone("hook " + hookId + " no longer has this callback URL");
        }
        if (s instanceof HookState.Rejected rejected) {
            return new SendDecision.Gone("hook " + hookId + " is not live: " + rejected.reason());
        }
        return new SendDecision.Gone("hook " + hookId + " was deleted");
    }

    private long apply(Iterable<ConsumerRecord<byte[], byte[]>> records) {
        long n = 0;
        for (ConsumerRecord<byte[], byte[]> r : records) {
            n++;
            String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
            HookState state = HookLiveness.decide(key, r.value());
            if (state.hookId() != null) {
                states.put(state.hookId(), state);
            }
        }
        return n;
    }

    private void serveCatchUps() {
        if (!catchUpRequests.isEmpty()) {
            // one end-offset lookup for every request that arrived since the last one
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            for (CompletableFuture<Void> f; (f = catchUpRequests.poll()) != null; ) {
                catchUps.add(new CatchUp(f, end));
            }
        }
        for (Iterator<CatchUp> it = catchUps.iterator(); it.hasNext(); ) {
            CatchUp c = it.next();
            if (c.done().isDone() || reached(c.end())) {
                c.done().complete(null);
                it.remove();
            }
        }
    }

    private boolean reached(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (e.getValue() != null && consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
