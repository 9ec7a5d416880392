package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryOrigin;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First attempts: consumes {@code webhook-triggers}, hands each trigger to the scheduler (per-key order, budgets)
 * and commits a partition's offset once every earlier record has its outcome or scheduled retry acknowledged.
 * Unreadable records become dead letters. Consumption pauses while too many records wait for their result.
 */
public final class TriggerLane implements Lane {

    private static final Logger LOG = LoggerFactory.getLogger(TriggerLane.class);
    static final Duration POLL_TIMEOUT = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Topic<String, WebhookTrigger> triggers;
    private final DeliveryScheduler scheduler;
    private final DeliveryExecutor executor;
    private final DeliveryRecorder recorder;
    private final int maxPending;
    private final int maxQueuedPerHost;
    private final Duration shutdownGrace;
    private final OffsetBook book;
    private volatile boolean stopping;
    private volatile Throwable failure;
    private boolean paused;

    public TriggerLane(KafkaConsumer<byte[], byte[]> consumer, Topic<String, WebhookTrigger> triggers,
                       DeliveryScheduler scheduler, DeliveryExecutor executor, DeliveryRecorder recorder,
                       int maxPending, int maxQueuedPerHost, Duration shutdownGrace) {
        this.consumer = consumer;
        this.triggers = triggers;
        this.scheduler = scheduler;
        this.executor = executor;
        this.recorder = recorder;
        this.maxPending = maxPending;
        this.maxQueuedPerHost = maxQueuedPerHost;
        this.shutdownGrace = shutdownGrace;
        this.book = new OffsetBook(consumer, gone -> { });
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(triggers.name()), book);
            while (!stopping && failure == null) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(POLL_TIMEOUT);
                } catch (WakeupException e) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    accept(record);
                }
                flowControl();
                book.commitAsyncThrottled();
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            finish();
        }
    }

    private void accept(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition tp = new TopicPartition(record.topic(), record.partition());
        PartitionProgress progress = book.progress(tp);
        long offset = record.offset();
        progress.track(offset);
        WebhookTrigger trigger;
        try {
            trigger = triggers.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (trigger == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            String missing = missingField(trigger);
            if (missing != null) {
                throw new IllegalArgumentException("not a valid WebhookTrigger: " + missing + " is missing");
            }
        } catch (RuntimeException e) {
            LOG.warn("trigger at {}-{}@{} is unreadable, sent to dead letters: {}", record.topic(), record.partition(),
                    offset, PoisonRecords.safe(e.getMessage()));
            whenDurable(recorder.deadLetter(record.key(), record.value(),
                    PoisonRecords.describe(record, "unreadable trigger", e)), progress, offset);
            return;
        }
        String key = record.key() == null ? trigger.partitionKey() : new String(record.key(), StandardCharsets.UTF_8);
        DeliveryOrigin origin = new DeliveryOrigin(record.topic(), record.partition(), offset);
        String host = hostOf(trigger.callbackUrl());
        int waiting = scheduler.waiting(host);
        if (waiting >= maxQueuedPerHost) {
            whenDurable(executor.shed("first", key, trigger, List.of(), origin, waiting).durable(), progress, offset);
            return;
        }
        scheduler.submit(new DeliveryScheduler.Task(key, host, progress::revoked, () -> {
            DeliveryExecutor.Handoff h = executor.attempt("first", key, trigger, List.of(), origin);
            whenDurable(h.durable(), progress, offset);
            return h.handedOff();
        }));
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

    private void flowControl() {
        int pending = scheduler.pending();
        if (pending >= maxPending) {
            consumer.pause(consumer.assignment());
            paused = true;
        } else if (paused && pending < maxPending / 2) {
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

    private void fail(Throwable e) {
        if (failure == null) {
            failure = e;
            LOG.error("first-attempt lane stops: a result could not be written; uncommitted records will be "
                    + "delivered again", e);
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

    static String missingField(WebhookTrigger t) {
        if (t.deliveryId().isEmpty()) {
            return "delivery_id";
        }
        if (t.callbackUrl().isEmpty()) {
            return "callback_url";
        }
        if (t.payload() == null) {
            return "payload";
        }
        return null;
    }

    /** The destination a per-host budget counts against: host and port (distinct services on one host differ). */
    static String hostOf(String url) {
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? "" : parsed.host() + ":" + parsed.port();
    }
}
