package io.hookline.runtime.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicReplicationTest {

    @Test
    void aClusterOfThreeGetsTheProductionDefaults() {
        TopicReplication r = TopicReplication.decide(3, 2, 3);

        assertThat(r.replicationFactor()).isEqualTo(3);
        assertThat(r.minInsyncReplicas()).isEqualTo(2);
        assertThat(r.capped()).isFalse();
    }

    @Test
    void aBiggerClusterKeepsTheConfiguredValues() {
        assertThat(TopicReplication.decide(3, 2, 7)).isEqualTo(new TopicReplication(3, 2, ""));
    }

    @Test
    void aOneNodeClusterGetsOneCopyAndSaysWhy() {
        TopicReplication r = TopicReplication.decide(3, 2, 1);

        assertThat(r.replicationFactor()).isEqualTo(1);
        assertThat(r.minInsyncReplicas()).isEqualTo(1);
        assertThat(r.note()).contains("1 broker", "replication factor 1", "min.insync.replicas 1",
                "configured 3/2", "development");
    }

    @Test
    void aTwoNodeClusterKeepsBothCopiesInSync() {
        TopicReplication r = TopicReplication.decide(3, 2, 2);

        assertThat(r).extracting(TopicReplication::replicationFactor, TopicReplication::minInsyncReplicas)
                .containsExactly(2, 2);
        assertThat(r.note()).contains("2 brokers", "add brokers");
    }

    @Test
    void minInsyncNeverExceedsTheFactor() {
        assertThat(TopicReplication.decide(2, 3, 5).minInsyncReplicas()).isEqualTo(2);
    }

    @Test
    void theBrokersDefaultsStayTheBrokers() {
        assertThat(TopicReplication.decide(-1, -1, 1)).isEqualTo(new TopicReplication(-1, -1, ""));
        assertThat(TopicReplication.decide(-1, 2, 1).minInsyncReplicas()).isEqualTo(1);
    }

    @Test
    void rejectsNonsenseNamingTheKey() {
        assertThatThrownBy(() -> TopicReplication.decide(0, 2, 3))
                .hasMessageContaining("hookline.topic-replication-factor");
        assertThatThrownBy(() -> TopicReplication.decide(3, -5, 3))
                .hasMessageContaining("hookline.topic-min-insync-replicas");
    }
}
