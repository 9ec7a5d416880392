package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.flow.Admission;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.topic.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Retries: consumes {@code webhook-retries} (own consumer group), holds each record in memory until it is due, then
 * runs the next attempt on its own budget. The poll loop never sleeps beyond its poll timeout; when too many records
 * are held or running it pauses its partitions. A held record's offset is not committed, so a pending retry survives
 * a crash or restart: another worker reads it again.
 */
public final class RetryLane implements Lane {

    /** How soon a due retry waiting for a full destination is looked at again. */
    private static final long HOST_FULL_RECHECK_MS = 50;

    private record Held(long dueAt, TopicPartition tp, long offset, String key, ScheduledRetry retry,
                        PartitionProgress progress) {
    }

    private final RecordReader<ScheduledRetry> reader;
    private final DeliveryScheduler scheduler;
    private final Clock clock;
    private final LaneLoop loop;
    // touched by the poll thread only (also from the rebalance listener, which runs inside poll)
    private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparingLong(Held::dueAt));
    private final AtomicInteger heldCount = new AtomicInteger();

    public RetryLane(KafkaConsumer<byte[], byte[]> consumer, Topic<String, ScheduledRetry> retries,
                     DeliveryScheduler scheduler, Dispatch dispatch, LaneLimits limits, Clock clock) {
        this.reader = new RecordReader<>(retries, "unreadable scheduled retry", retry -> {
            if (retry.trigger() == null) {
                return "the record has no trigger";
            }
            String missing = TriggerLane.missingField(retry.trigger());
            return missing == null ? null : "not a valid ScheduledRetry: trigger " + missing + " is missing";
        });
        this.scheduler = scheduler;
        this.clock = clock;
        this.loop = new LaneLoop(new LaneSettings("retry", retries.name(), "retry lane stops: a result could not be "
                + "written; uncommitted retries will be read again", limits), consumer, scheduler, dispatch,
                new Reading());
    }

    /** Retries read and not finished: held until due, waiting for budget or running. */
    public int backlog() {
        return heldCount.get() + scheduler.pending();
    }

    @Override
    public void run() {
        loop.run();
    }

    /** Retries are held until due: they count towards the lane's load with those in the scheduler. */
    private final class Reading implements LaneReading {

        /** Never longer than the time to the next due record, so a due retry waits for no poll. */
        @Override
        public Duration pollTimeout() {
            Held next = held.peek();
            if (next == null) {
                return LaneLoop.POLL_TIMEOUT;
            }
            return Duration.ofMillis(Math.max(1, Math.min(LaneLoop.POLL_TIMEOUT.toMillis(),
                    next.dueAt() - clock.millis())));
        }

        @Override
        public void accept(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress) {
            hold(record, tp, progress);
        }

        @Override
        public void afterPoll() {
            releaseDue();
        }

        @Override
        public int held() {
            return held.size();
        }

        @Override
        public void removed(Collection<TopicPartition> gone) {
            forget(gone);
        }
    }

    private void hold(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress) {
        ScheduledRetry retry = reader.read(record, progress, loop);
        if (retry == null) {
            return;
        }
        String key = LaneLoop.keyOf(record, retry.trigger());
        held.add(new Held(retry.dueAt(), tp, record.offset(), key, retry, progress));
        heldCount.incrementAndGet();
    }

    /**
     * Retries are unordered (no ordering key): a flaky endpoint must not hold a channel's later replies. A due retry
     * whose healthy destination has a full queue stays held, looked at again shortly: retries are held in memory
     * anyway, and count towards the lane's pending limit meanwhile.
     */
    private void releaseDue() {
        long now = clock.millis();
        List<Held> waiting = new ArrayList<>();
        while (!held.isEmpty() && held.peek().dueAt() <= now) {
            Held h = held.poll();
            if (loop.deliver(null, h.key(), h.retry().trigger(), h.retry().attempts(), h.progress(),
                    h.offset()) == Admission.WAIT) {
                waiting.add(new Held(now + HOST_FULL_RECHECK_MS, h.tp(), h.offset(), h.key(), h.retry(),
                        h.progress()));
            } else {
                heldCount.decrementAndGet();
            }
        }
        held.addAll(waiting);
    }

    /** Partitions moved to another worker: their held records are theirs now. */
    private void forget(Collection<TopicPartition> gone) {
        Set<TopicPartition> set = new HashSet<>(gone);
        int before = held.size();
        held.removeIf(h -> set.contains(h.tp()));
        heldCount.addAndGet(held.size() - before);
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public Throwable failure() {
        return loop.failure();
    }
}
