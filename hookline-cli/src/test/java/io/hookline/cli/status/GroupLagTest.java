package io.hookline.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class GroupLagTest {

    private static final TopicPartition P0 = new TopicPartition("posts", 0);
    private static final TopicPartition P1 = new TopicPartition("posts", 1);

    @Test
    void lagIsTheSumOfEndMinusCommittedOverCommittedPartitions() {
        GroupLag lag = GroupLag.of("hookline-matcher", "Stable", Map.of(P0, 3L, P1, 10L), Map.of(P0, 5L, P1, 10L));
        assertThat(lag).isEqualTo(new GroupLag("hookline-matcher", "Stable", 2, 2));
    }

    @Test
    void anUnknownEndOrACommitPastTheEndCountsNothing() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        committed.put(P0, 7L);
        committed.put(P1, 4L);
        GroupLag lag = GroupLag.of("g", "Empty", committed, Map.of(P0, 5L));
        assertThat(lag.lag()).isZero();
        assertThat(lag.partitions()).isEqualTo(2);
    }
}
