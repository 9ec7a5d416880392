package io.hookline.dispatcher.lane;

import io.hookline.schemas.deadletter.DeadLetterRecord;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.flow.Admission;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * delivery to the scheduler (or, when its destination's queue is full, holding its partition back or setting it
 * aside), completing the offset once the result is durable, pausing while too much waits, stopping on a result that
 * could not be written, and the bounded wait and final commit on the way out. Its state is used from the lane's poll
 * thread; {@link #fail} and {@link #stop} from any thread.
 *
 * <p>Holding back: when a healthy destination's queue is full, the record is not taken: its offset is untracked, the
 * partition is paused, and the record waits in memory with the rest of that partition's records of the poll (at most
 * one poll's worth), in order, until they are taken again. Why not rewind the partition and read them again: a busy
 * host's partitions are held back and released every few hundred deliveries, and each rewind dropped the fetched
 * data after the record, so the broker sent it and the lane read it again and again (the one-host bench measured the
 * dispatcher and broker spending about half again as much CPU per delivery). The consumer keeps polling (the other partitions, heartbeats, well within
 * {@code max.poll.interval.ms}) and resumes the partition as soon as the destination has room, or no longer keeps
 * moving (its next delivery is then set aside or fails fast). So memory stays bounded, a partition's offsets are
 * committed only below work that is finished, and only the partitions whose next record is for the full destination
 * wait: a busy healthy destination slows the partitions it is on by no more than its own pace, which is what it
 * sustains.
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
    /**
     * A partition held back: the destination its next record is for, and that record with the partition's later
     * records of the same poll, in order.
     */
    private record Held(String host, ArrayDeque<ConsumerRecord<byte[], byte[]>> records) {
    }

    /** Partitions held back, each until the destination its next record is for has room (poll thread only). */
    private final Map<TopicPartition, Held> heldBack = new HashMap<>();
    private volatile int heldBackCount;

    LaneLoop(LaneSettings settings, KafkaConsumer<byte[], byte[]> consumer, DeliveryScheduler scheduler,
             Dispatch dispatch, LaneReading reading) {
        this.settings = settings;
        this.consumer = consumer;
        this.scheduler = scheduler;
        this.dispatch = dispatch;
        this.reading = reading;
        this.book = new OffsetBook(consumer, this::removed);
    }

    private void removed(Collection<TopicPartition> gone) {
        gone.forEach(heldBack::remove);
        heldBackCount = heldBack.size();
        reading.removed(gone);
    }

    /** Partitions held back until a destination has room. */
    int heldBackPartitions() {
        return heldBackCount;
    }

    /** Polls the lane's topic until stopped or failed, then finishes (bounded wait for work in flight, commit, close). */
    void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), book);
            while (!stopping && failure == null) {
                releaseHeldBack();
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(reading.pollTimeout());
                } catch (WakeupException e) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    Held held = heldBack.get(tp);
                    if (held != null) {
                        held.records().add(record); // behind an earlier record of this poll that waits
                    } else {
                        take(record, tp);
                    }
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
     * Hands the next attempt of {@code trigger} to the scheduler, as its destination's queue and health allow
     * ({@link DeliveryScheduler#admission}): queued; when the destination's full queue would not start in time, set
     * aside to the retry schedule without an attempt (a slow destination, or the delivery's last attempt) or failed
     * fast, an attempt without a request (a failing one), so a dead endpoint cannot fill the pending budget; or, when the full queue keeps moving, nothing
     * is done and the caller keeps the record (see {@link #holdBack}).
     *
     * @param orderingKey deliveries with an equal key go out one at a time in order; null for none
     * @return what was done: {@link Admission#WAIT} leaves the record with the caller
     */
    Admission deliver(String orderingKey, String key, WebhookTrigger trigger, List<DeliveryAttempt> previous,
                      PartitionProgress progress, long offset) {
        String host = dispatch.targets().destination(trigger.callbackUrl());
        LaneLimits limits = settings.limits();
        boolean last = dispatch.executor().lastAttempt(previous);
        Admission admission = scheduler.admission(host, limits.maxQueuedPerHost(), last);
        // a delivery's last attempt is always a request: it never fails fast, from the queue either
        Supplier<DeliveryExecutor.Handoff> failFast = last ? null : () -> dispatch.executor().failFast(
                settings.name(), key, trigger, previous, host, limits.hostMaxWait());
        switch (admission) {
            case SET_ASIDE -> whenDurable(dispatch.executor().setAside(settings.name(), key, trigger, previous,
                    limits.hostMaxWait()).durable(), progress, offset);
            case FAIL_FAST -> whenDurable(failFast.get().durable(), progress, offset);
            case QUEUE -> schedule(orderingKey, host, progress, offset,
                    () -> dispatch.executor().attempt(settings.name(), key, trigger, previous), failFast, last);
            case WAIT -> {
            }
        }
        return admission;
    }

    private void take(ConsumerRecord<byte[], byte[]> record, TopicPartition tp) {
        PartitionProgress progress = book.progress(tp);
        progress.track(record.offset());
        reading.accept(record, tp, progress);
    }

    /**
     * Keeps {@code record} of {@code tp}, whose healthy destination has a full queue, to be taken again: its offset is
     * no longer tracked (nothing at or after it is committed), the partition is paused until the destination has
     * room, and its later records of this poll wait behind it.
     */
    void holdBack(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress,
                  WebhookTrigger trigger) {
        String host = dispatch.targets().destination(trigger.callbackUrl());
        progress.rewind(record.offset());
        consumer.pause(List.of(tp));
        ArrayDeque<ConsumerRecord<byte[], byte[]>> waiting = new ArrayDeque<>();
        waiting.add(record);
        heldBack.put(tp, new Held(host, waiting));
        heldBackCount = heldBack.size();
    }

    /**
     * Resumes the held-back partitions whose destination has room again (half its queue) or no longer keeps moving
     * (its next delivery is then set aside or fails fast).
     */
    private void releaseHeldBack() {
        if (heldBack.isEmpty()) {
            return;
        }
        LaneLimits limits = settings.limits();
        List<TopicPartition> free = new ArrayList<>();
        for (TopicPartition tp : new ArrayList<>(heldBack.keySet())) {
            String host = heldBack.get(tp).host();
            if (!scheduler.hasRoom(host, limits.maxQueuedPerHost())
                    && scheduler.admission(host, limits.maxQueuedPerHost(), false) == Admission.WAIT) {
                continue;
            }
            ArrayDeque<ConsumerRecord<byte[], byte[]>> rest = heldBack.remove(tp).records();
            while (!rest.isEmpty()) {
                take(rest.poll(), tp);
                Held again = heldBack.get(tp);
                if (again != null) { // its destination is full again: the rest waits behind that record
                    again.records().addAll(rest);
                    rest.clear();
                }
            }
            if (!heldBack.containsKey(tp)) {
                free.add(tp);
            }
        }
        heldBackCount = heldBack.size();
        if (!free.isEmpty() && !paused) {
            // while the whole lane is paused the partition stays paused; the lane's resume takes it along
            consumer.resume(free);
        }
    }

    /**
     * Starts {@code work} within the scheduler's budgets (after earlier work of the same {@code orderingKey}; null for
     * none) unless its partition was revoked meanwhile, and completes {@code offset} once its result is durable.
     */
    void schedule(String orderingKey, String host, PartitionProgress progress, long offset,
                  Supplier<DeliveryExecutor.Handoff> work) {
        schedule(orderingKey, host, progress, offset, work, null, false);
    }

    /**
     * As {@link #schedule(String, String, PartitionProgress, long, Supplier)}; {@code failFast} (null for none) runs
     * instead of {@code work} when the destination is found failing and stuck while the delivery still waits for it;
     * {@code last}: the delivery's last attempt, made within the destination's ceiling ({@link
     * DeliveryScheduler.Task#last}).
     */
    private void schedule(String orderingKey, String host, PartitionProgress progress, long offset,
                          Supplier<DeliveryExecutor.Handoff> work, Supplier<DeliveryExecutor.Handoff> failFast,
                          boolean last) {
        scheduler.submit(new DeliveryScheduler.Task(orderingKey, host, progress::revoked, durable(work, progress,
                offset), failFast == null ? null : durable(failFast, progress, offset), last));
    }

    private Supplier<CompletableFuture<?>> durable(Supplier<DeliveryExecutor.Handoff> step, PartitionProgress progress,
                                                   long offset) {
        return () -> {
            DeliveryExecutor.Handoff h = step.get();
            whenDurable(h.durable(), progress, offset);
            return h.handedOff();
        };
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
            List<TopicPartition> resume = new ArrayList<>(consumer.paused());
            resume.removeAll(heldBack.keySet());
            consumer.resume(resume);
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
