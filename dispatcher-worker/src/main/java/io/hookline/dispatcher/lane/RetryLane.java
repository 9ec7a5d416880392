package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryOrigin;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.topic.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries: consumes {@code webhook-retries} (own consumer group), holds each record in memory until it is due, then
 * runs the next attempt on its own budget. The poll loop never sleeps beyond its poll timeout; when too many records
 * are held or running it pauses its partitions. A held record's offset is not committed, so a pending retry survives
 * a crash or restart: another worker reads it again.
 */
public final class RetryLane implements Lane {

    private static final Logger LOG = LoggerFactory.getLogger(RetryLane.class);

    private record Held(long dueAt, TopicPartition tp, long offset, String key, ScheduledRetry retry,
                        DeliveryOrigin origin, PartitionProgress progress) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, ScheduledRetry> retries;
    private final String triggersTopic;
    private final DeliveryScheduler scheduler;
    private final DeliveryExecutor executor;
    private final DeliveryRecorder recorder;
    private final int maxPending;
    private final int maxQueuedPerHost;
    private final Duration shutdownGrace;
    private final Clock clock;
    private final OffsetBook book;
    private final PriorityQueue<Held> held = new PriorityQueue<>(Comparator.comparingLong(Held::dueAt));
    private final AtomicInteger heldCount = new AtomicInteger();
    private volatile boolean stopping;
    private volatile Throwable failure;
    private boolean paused;

    public RetryLane(KafkaConsumer<byte[], byte[]> consumer, Topic<String, ScheduledRetry> retries,
                     String triggersTopic, DeliveryScheduler scheduler, DeliveryExecutor executor,
                     DeliveryRecorder recorder, int maxPending, int maxQueuedPerHost, Duration shutdownGrace, Clock clock) {
        this.consumer = consumer;
        this.retries = retries;
        this.triggersTopic = triggersTopic;
        this.scheduler = scheduler;
        this.executor = executor;
        this.recorder = recorder;
        this.maxPending = maxPending;
        this.maxQueuedPerHost = maxQueuedPerHost;
        this.shutdownGrace = shutdownGrace;
        this.clock = clock;
        this.book = new OffsetBook(consumer, this::forget);
    }

    /** Retries read and not finished: held until due, waiting for budget or running. */
    public int backlog() {
        return heldCount.get() + scheduler.pending();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(retries.name()), book);
            while (!stopping && failure == null) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    accept(record);
                }
                releaseDue();
                flowControl();
                book.commitAsyncThrottled();
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            finish();
        }
    }

    private Duration pollTimeout() {
        Held next = held.peek();
        long max = TriggerLane.POLL_TIMEOUT.toMillis();
        if (next == null) {
            return TriggerLane.POLL_TIMEOUT;
        }
        return Duration.ofMillis(Math.max(1, Math.min(max, next.dueAt() - clock.millis())));
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionProgress progress = book.progress(tp);
        progress.track(record.offset());
        ScheduledRetry retry;
        try {
            retry = retries.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (retry == null || retry.trigger() == null) {
                throw new IllegalArgumentException("the record has no trigger");
            }
            String missing = TriggerLane.missingField(retry.trigger());
            if (missing != null) {
                throw new IllegalArgumentException("not a valid ScheduledRetry: trigger " + missing + " is missing");
            }
        } catch (RuntimeException e) {
            LOG.warn("retry at {}-{}@{} is unreadable, sent to dead letters: {}", record.topic(), record.partition(),
                    record.offset(), PoisonRecords.safe(e.getMessage()));
            whenDurable(recorder.deadLetter(record.key(), record.value(),
                    PoisonRecords.describe(record, "unreadable scheduled retry", e)), progress, record.offset());
            return;
        }
        String key = record.key() == null ? retry.trigger().partitionKey()
                : new String(record.key(), StandardCharsets.UTF_8);
        DeliveryOrigin origin = DeliveryOrigin.from(record.headers(),
                new DeliveryOrigin(triggersTopic, -1, -1));
        held.add(new Held(retry.dueAt(), tp, record.offset(), key, retry, origin, progress));
        heldCount.incrementAndGet();
    }

    private void releaseDue() {
        long now = clock.millis();
        while (!held.isEmpty() && held.peek().dueAt() <= now) {
            Held h = held.poll();
            heldCount.decrementAndGet();
            String host = TriggerLane.hostOf(h.retry().trigger().callbackUrl());
            int waiting = scheduler.waiting(host);
            if (waiting >= maxQueuedPerHost) {
                whenDurable(executor.shed("retry", h.key(), h.retry().trigger(), h.retry().attempts(), h.origin(),
                        waiting).durable(), h.progress(), h.offset());
                continue;
            }
            scheduler.submit(new DeliveryScheduler.Task(null, host, h.progress()::revoked, () -> {
                        DeliveryExecutor.Handoff handoff = executor.attempt("retry", h.key(), h.retry().trigger(),
                                h.retry().attempts(), h.origin());
                        whenDurable(handoff.durable(), h.progress(), h.offset());
                        return handoff.handedOff();
                    }));
        }
    }

    private void flowControl() {
        int load = held.size() + scheduler.pending();
        if (load >= maxPending) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && load < maxPending / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    /** Partitions moved to another worker: their held records are theirs now. */
    private void forget(Collection<TopicPartition> gone) {
        Set<TopicPartition> set = new HashSet<>(gone);
        int before = held.size();
        held.removeIf(h -> set.contains(h.tp()));
        heldCount.addAndGet(held.size() - before);
    }

    private void whenDurable(CompletableFuture<Void> durable, PartitionProgress progress, long offset) {
        durable.whenComplete((v, e) -> {
            if (e == null) {
                progress.complete(offset);
            } else {
                fail(e);
            }
        });
    }

    private void finish() {
        long deadline = System.nanoTime() + shutdownGrace.toNanos();
        while (scheduler.pending() > 0 && System.nanoTime() < deadline && failure == null) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            book.commitAllSync();
        } finally {
            consumer.close();
        }
    }

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            LOG.error("retry lane stops: a result could not be written; uncommitted retries will be read again", e);
        }
    }

    @Override
    public void stop() {
        stopping = true;
        consumer.wakeup();
    }

    @Override
    public Throwable failure() {
        return failure;
    }
}
