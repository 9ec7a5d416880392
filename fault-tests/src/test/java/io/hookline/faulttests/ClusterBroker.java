package io.hookline.faulttests;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.localkafka.LocalKafkaCluster;
import java.util.Map;
import java.util.UUID;

/**
 * A {@link LocalKafkaCluster} as the broker a {@link Pipeline} runs on. Nodes are killed and restarted one at a
 * time through the cluster itself; the cluster as a whole is never restarted, so {@link #canRestart()} is false.
 */
final class ClusterBroker implements KafkaBroker {

    private final LocalKafkaCluster cluster;

    ClusterBroker(LocalKafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
        throw new UnsupportedOperationException("the pipeline creates its topics with Hookline's provisioner");
    }

    @Override
    public boolean canRestart() {
        return false;
    }

    @Override
    public void restart() {
        throw new UnsupportedOperationException("restart single nodes through the cluster");
    }

    @Override
    public void kill() {
        throw new UnsupportedOperationException("kill single nodes through the cluster");
    }
}
