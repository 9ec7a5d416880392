package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.dispatcher.metrics.DispatcherMetrics;
import io.hookline.schemas.delivery.DeliveryAttempt;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
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
    /** Destinations remembered per callback URL; hooks have few URLs, the bound only guards against a flood. */
    private static final int DESTINATIONS_REMEMBERED = 4096;

    /** How a lane reads one record whose offset is already tracked. */
    interface Intake {
        void accept(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress);
    }

    private final String lane;
    private final String stopMessage;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final DeliveryScheduler scheduler;
    private final DeliveryExecutor executor;
    private final DeliveryRecorder recorder;
    private final DispatcherMetrics metrics;
    private final int maxPending;
    private final int maxQueuedPerHost;
    private final Duration shutdownGrace;
    private final OffsetBook book;
    // callback URL -> host:port; parsing a URL per delivery showed in profiles, and URLs repeat
    private final Map<String, String> destinations = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > DESTINATIONS_REMEMBERED;
        }
    };
    private volatile boolean stopping;
    private volatile Throwable failure;
    private boolean paused;

    /**
     * @param lane        {@code first} or {@code retry}: the executor's metrics tag
     * @param stopMessage logged once when a result cannot be written and the lane stops
     * @param onRemoved   partitions revoked or lost, after their progress was dropped
     */
    LaneLoop(String lane, String stopMessage, KafkaConsumer<byte[], byte[]> consumer, DeliveryScheduler scheduler,
             DeliveryExecutor executor, DeliveryRecorder recorder, DispatcherMetrics metrics, int maxPending,
             int maxQueuedPerHost, Duration shutdownGrace, Consumer<Collection<TopicPartition>> onRemoved) {
        this.lane = lane;
        this.stopMessage = stopMessage;
        this.consumer = consumer;
        this.scheduler = scheduler;
        this.executor = executor;
        this.recorder = recorder;
        this.metrics = metrics;
        this.maxPending = maxPending;
        this.maxQueuedPerHost = maxQueuedPerHost;
        this.shutdownGrace = shutdownGrace;
        this.book = new OffsetBook(consumer, onRemoved);
    }

    /**
     * Polls {@code topic} until stopped or failed, then finishes (bounded wait for work in flight, commit, close).
     *
     * @param pollTimeout how long the next poll may wait
     * @param intake      reads each record (its offset is tracked before)
     * @param afterPoll   runs after each poll's records were taken
     * @param load        records of the lane without a result: consumption pauses at {@code maxPending}
     */
    void run(String topic, Supplier<Duration> pollTimeout, Intake intake, Runnable afterPoll, IntSupplier load) {
        try {
            consumer.subscribe(List.of(topic), book);
            while (!stopping && failure == null) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(pollTimeout.get());
                } catch (WakeupException e) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    PartitionProgress progress = book.progress(tp);
                    progress.track(record.offset());
                    intake.accept(record, tp, progress);
                }
                afterPoll.run();
                flowControl(load.getAsInt());
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
     * {@code maxQueuedPerHost} deliveries waiting, counts it as a failed attempt at once instead (it then follows the
     * retry schedule), so a dead endpoint cannot fill the pending budget.
     *
     * @param orderingKey deliveries with an equal key go out one at a time in order; null for none
     */
    void deliver(String orderingKey, String key, WebhookTrigger trigger, List<DeliveryAttempt> previous,
                 PartitionProgress progress, long offset) {
        String host = destination(trigger.callbackUrl());
        int waiting = scheduler.waiting(host);
        if (waiting >= maxQueuedPerHost) {
            whenDurable(executor.shed(lane, key, trigger, previous, waiting).durable(), progress, offset);
            return;
        }
        scheduler.submit(new DeliveryScheduler.Task(orderingKey, host, progress::revoked, () -> {
            DeliveryExecutor.Handoff h = executor.attempt(lane, key, trigger, previous);
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
                PoisonRecords.safe(e.getMessage()));
        metrics.deadLetter(lane);
        whenDurable(recorder.deadLetter(record.key(), record.value(), PoisonRecords.describe(record, what, e)),
                progress, record.offset());
    }

    /** Completes {@code offset} when {@code durable} does; stops the lane when it fails (never commit past it). */
    private void whenDurable(CompletableFuture<Void> durable, PartitionProgress progress, long offset) {
        durable.whenComplete((v, e) -> {
            if (e == null) {
                progress.complete(offset);
            } else {
                fail(e);
            }
        });
    }

    /** The destination a per-host budget counts against: host and port (distinct services on one host differ). */
    private String destination(String url) {
        String host = destinations.get(url);
        if (host == null) {
            host = hostOf(url);
            destinations.put(url, host);
        }
        return host;
    }

    static String hostOf(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? "" : parsed.host() + ":" + parsed.port();
    }

    private void flowControl(int load) {
        if (load >= maxPending) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && load < maxPending / 2) {
            consumer.resume(consumer.paused());
            paused = false;
        }
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

    void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            LOG.error(stopMessage, e);
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
