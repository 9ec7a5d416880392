package io.hookline.cli.status;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * How far one consumer group is behind: per partition it committed, the end offset minus the committed offset.
 * With exactly-once producers the end offset also counts transaction markers, so a caught-up group can show a lag of
 * a few records per partition; that is the usual reading of lag on transactional topics.
 *
 * @param state the group's state as the broker reports it ({@code Stable}, {@code Empty}, ...)
 */
public record GroupLag(String groupId, String state, int partitions, long lag) {

    /** The lag of a group from its committed offsets and the end offsets of the same partitions. */
    public static GroupLag of(String groupId, String state, Map<TopicPartition, Long> committed,
                              Map<TopicPartition, Long> endOffsets) {
        long lag = 0;
        for (var c : committed.entrySet()) {
            Long end = endOffsets.get(c.getKey());
            if (end != null && c.getValue() != null) {
                lag += Math.max(0, end - c.getValue());
            }
        }
        return new GroupLag(groupId, state, committed.size(), lag);
    }
}
