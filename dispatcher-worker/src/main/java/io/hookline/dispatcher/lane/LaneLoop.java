package io.hookline.dispatcher.lane;

import io.hookline.schemas.deadletter.DeadLetterRecord;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What both lanes do around their own reading of records: the poll loop, tracking each record's offset, handing a
 * delivery to the scheduler (or shedding it when its destination's queue is full), completing the offset once the
 * result is durable, pausing while too much waits, stopping on a result that could not be written, and the bounded
 * wait and final commit on the way out. Its state is used from the lane's poll thread; {@link #fail} and
 * {@link #stop} from any thread.
 */
final class LaneLoop {

    private static final Logger LOG = LoggerFactory.getLogger(LaneLoop.class);
    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final LaneSettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeliveryScheduler scheduler;
    private final Dispatch dispatch;
    private final LaneReading reading;
    private final OffsetBook book;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private boolean paused;

    LaneLoop(LaneSettings settings, KafkaConsumer<byte[], byte[]> consumer, DeliveryScheduler scheduler,
             Dispatch dispatch, LaneReading reading) {
        this.settings = settings;
        this.consumer = consumer;
        this.scheduler = scheduler;
        this.dispatch = dispatch;
        this.reading = reading;
        this.book = new OffsetBook(consumer, reading::removed);
    }

    /** Polls the lane's topic until stopped or failed, then finishes (bounded wait for work in flight, commit, close). */
    void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), book);
            while (!stopping && failure == null) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(reading.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    PartitionProgress progress = book.progress(tp);
                    progress.track(record.offset());
                    reading.accept(record, tp, progress);
                }
                reading.afterPoll();
                flowControl(reading.held() + scheduler.pending());
                book.commitAsyncThrottled();
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            finish();
        }
    }

    /**
     * Hands the next attempt of {@code trigger} to the scheduler; when its destination already has
     * {@link LaneLimits#maxQueuedPerHost()} deliveries waiting, counts it as a failed attempt at once instead (it then follows the
     * retry schedule), so a dead endpoint cannot fill the pending budget.
     *
     * @param orderingKey deliveries with an equal key go out one at a time in order; null for none
     */
    void deliver(String orderingKey, String key, WebhookTrigger trigger, List<DeliveryAttempt> previous,
                 PartitionProgress progress, long offset) {
        String host = dispatch.targets().destination(trigger.callbackUrl());
        int waiting = scheduler.waiting(host);
        if (waiting >= settings.limits().maxQueuedPerHost()) {
            whenDurable(dispatch.executor().shed(settings.name(), key, trigger, previous, waiting).durable(), progress,
                    offset);
            return;
        }
        schedule(orderingKey, host, progress, offset,
                () -> dispatch.executor().attempt(settings.name(), key, trigger, previous));
    }

    /**
     * Starts {@code work} within the scheduler's budgets (after earlier work of the same {@code orderingKey}; null for
     * none) unless its partition was revoked meanwhile, and completes {@code offset} once its result is durable.
     */
    void schedule(String orderingKey, String host, PartitionProgress progress, long offset,
                  Supplier<DeliveryExecutor.Handoff> work) {
        scheduler.submit(new DeliveryScheduler.Task(orderingKey, host, progress::revoked, () -> {
            DeliveryExecutor.Handoff h = work.get();
            whenDurable(h.durable(), progress, offset);
            return h.handedOff();
        }));
    }

    /** The record's key; a record written without one gets the key its trigger would have had. */
    static String keyOf(ConsumerRecord<byte[], byte[]> record, WebhookTrigger trigger) {
        return record.key() == null ? trigger.partitionKey() : new String(record.key(), StandardCharsets.UTF_8);
    }

    /** Sends a record the lane cannot read to dead letters, whole, and completes its offset once that is durable. */
    void poison(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress, String what, RuntimeException e) {
        LOG.warn("{} at {}-{}@{}, sent to dead letters: {}", what, record.topic(), record.partition(), record.offset(),
                DeadLetter.withoutQuotedInput(e.getMessage()));
        dispatch.metrics().deadLetter(settings.name());
        whenDurable(dispatch.recorder().deadLetter(DeadLetterRecord.of(PoisonRecords.describe(record, what, e),
                record.key(), record.value(), record.headers())), progress, record.offset());
    }

    /** Completes {@code offset} when {@code durable} does; stops the lane when it fails (never commit past it). */
    void whenDurable(CompletableFuture<Void> durable, PartitionProgress progress, long offset) {
        durable.whenComplete((v, e) -> {
            if (e == null) {
                progress.complete(offset);
            } else {
                fail(e);
            }
        });
    }

    private void flowControl(int load) {
        int maxPending = settings.limits().maxPending();
        if (load >= maxPending) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && load < maxPending / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
    }

    private void finish() {
        long deadline = System.nanoTime() + settings.limits().shutdownGrace().toNanos();
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

    void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            LOG.error(settings.stopMessage(), e);
        }
    }

    void stop() {
        stopping = true;
        consumer.wakeup();
    }

    Throwable failure() {
        return failure;
    }
}
