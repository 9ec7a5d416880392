package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.flow.Admission;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * First attempts: consumes {@code webhook-triggers}, hands each trigger to the scheduler (per-key order, budgets)
 * and commits a partition's offset once every earlier record has its outcome or scheduled retry acknowledged.
 * Unreadable records become dead letters. Consumption pauses while too many records wait for their result, and a
 * partition whose next trigger is for a healthy destination with a full queue waits until it has room.
 */
public final class TriggerLane implements Lane {

    private final RecordReader<WebhookTrigger> reader;
    private final LaneLoop loop;

    public TriggerLane(KafkaConsumer<byte[], byte[]> consumer, Topic<String, WebhookTrigger> triggers,
                       DeliveryScheduler scheduler, Dispatch dispatch, LaneLimits limits) {
        this.reader = new RecordReader<>(triggers, "unreadable trigger", trigger -> {
            String missing = missingField(trigger);
            return missing == null ? null : "not a valid WebhookTrigger: " + missing + " is missing";
        });
        this.loop = new LaneLoop(new LaneSettings("first", triggers.name(), "first-attempt lane stops: a result could "
                + "not be written; uncommitted records will be delivered again", limits), consumer, scheduler,
                dispatch, new Reading());
    }

    @Override
    public void run() {
        loop.run();
    }

    /** First attempts hold nothing of their own: their load is the scheduler's. */
    private final class Reading implements LaneReading {

        @Override
        public void accept(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress) {
            WebhookTrigger trigger = reader.read(record, progress, loop);
            if (trigger == null) {
                return;
            }
            String key = LaneLoop.keyOf(record, trigger);
            if (loop.deliver(key, key, trigger, List.of(), progress, record.offset()) == Admission.WAIT) {
                loop.holdBack(record, tp, progress, trigger);
            }
        }
    }

    /** Partitions paused until a healthy destination has room in its queue. */
    public int heldBackPartitions() {
        return loop.heldBackPartitions();
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public Throwable failure() {
        return loop.failure();
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
}
