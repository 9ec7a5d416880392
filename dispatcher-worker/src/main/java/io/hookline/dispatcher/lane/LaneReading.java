package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.flow.PartitionProgress;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/** What a lane adds to {@link LaneLoop}: how it reads its records and what it holds besides the scheduler. */
interface LaneReading {

    /** How long the next poll may wait. */
    default Duration pollTimeout() {
        return LaneLoop.POLL_TIMEOUT;
    }

    /** Reads one record, whose offset is already tracked. */
    void accept(ConsumerRecord<byte[], byte[]> record, TopicPartition tp, PartitionProgress progress);

    /** Runs after each poll's records were taken. */
    default void afterPoll() {
    }

    /**
     * Records the lane holds itself, besides those waiting for budget or running in the scheduler; both count
     * towards {@link LaneLimits#maxPending()}, where consumption pauses.
     */
    default int held() {
        return 0;
    }

    /** Partitions revoked or lost, after their progress was dropped. */
    default void removed(Collection<TopicPartition> gone) {
    }
}
