package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.dispatcher.interaction.InteractionEvents;
import io.hookline.dispatcher.interaction.InteractionExecutor;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.topic.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Clicks, dialog submissions and lookups: consumes {@code interactions} in its own consumer group with its own budget
 * and HTTP client, so webhook deliveries never stand in front of a person waiting for a button. Each event is resolved
 * as it is read; a refusal is recorded at once, a call starts as soon as the budget allows. A partition's offset is
 * committed once every earlier interaction has its outcome acknowledged. Unreadable or unusable records become dead
 * letters.
 *
 * <p>No ordering key: Mattermost handles each click as its own request, concurrently, so a slow integration holds only
 * its own clicks (within its per-host budget), never another channel's or the next click in the same channel. Calls
 * start in the order they were read; their outcomes may complete in another order.
 */
public final class InteractionLane implements Lane {

    private final RecordReader<InteractionEvent> reader;
    private final InteractionExecutor executor;
    private final Dispatch dispatch;
    private final LaneLoop loop;

    public InteractionLane(KafkaConsumer<byte[], byte[]> consumer, Topic<String, InteractionEvent> interactions,
                           DeliveryScheduler scheduler, Dispatch dispatch, LaneLimits limits,
                           InteractionExecutor executor) {
        this.reader = new RecordReader<>(interactions, "unreadable interaction", event -> {
            String problem = InteractionEvents.problem(event);
            return problem == null ? null : "not a usable InteractionEvent: " + problem;
        });
        this.executor = executor;
        this.dispatch = dispatch;
        this.loop = new LaneLoop(new LaneSettings("interaction", interactions.name(), "interaction lane stops: an "
                + "outcome could not be written; uncommitted interactions will be called again", limits), consumer,
                scheduler, dispatch, new Reading());
    }

    @Override
    public void run() {
        loop.run();
    }

    private final class Reading implements LaneReading {

        @Override
        public void accept(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress) {
            InteractionEvent event = reader.read(record, progress, loop);
            if (event == null) {
                return;
            }
            InteractionExecutor.Plan plan;
            try {
                plan = executor.plan(event);
            } catch (RuntimeException e) {
                // resolution is pure: whatever throws in it would throw again, so the record is dead-lettered
                loop.poison(record, progress, "interaction that cannot be resolved", e);
                return;
            }
            if (plan.refused()) {
                loop.whenDurable(executor.run(plan).durable(), progress, record.offset());
                return;
            }
            loop.schedule(null, dispatch.targets().destination(plan.url()), progress, record.offset(),
                    () -> executor.run(plan));
        }
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
