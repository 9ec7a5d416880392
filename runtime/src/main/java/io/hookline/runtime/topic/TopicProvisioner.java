package io.hookline.runtime.topic;

import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Hookline's topics that do not exist yet, with their partitions, cleanup policy and replication (see
 * {@link TopicReplication}: capped to the cluster's brokers, with a logged note); leaves existing ones alone.
 */
public final class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Admin admin;
    private final int partitions;
    private final int replicationFactor;
    private final int minInsyncReplicas;

    public TopicProvisioner(Admin admin, HooklineConfig config) {
        this.admin = admin;
        this.partitions = config.getInt(Settings.TOPIC_PARTITIONS);
        this.replicationFactor = config.getInt(Settings.TOPIC_REPLICATION_FACTOR);
        this.minInsyncReplicas = config.getInt(Settings.TOPIC_MIN_INSYNC_REPLICAS);
        // fail on a bad value before any topic is made, whatever the cluster's size
        TopicReplication.decide(replicationFactor, minInsyncReplicas, Integer.MAX_VALUE);
        if (partitions < 1) {
            throw new IllegalArgumentException(Settings.TOPIC_PARTITIONS.name() + " must be at least 1, got "
                    + partitions);
        }
    }

    /** Creates the missing topics of {@code topics}; returns the names it created. */
    public List<String> ensure(Topics topics) {
        return ensure(topics.all());
    }

    public List<String> ensure(List<Topic<?, ?>> topics) {
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<Topic<?, ?>> absent = topics.stream().filter(t -> !existing.contains(t.name())).toList();
            if (absent.isEmpty()) {
                return List.of();
            }
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            TopicReplication replication = TopicReplication.decide(replicationFactor, minInsyncReplicas, brokers);
            if (replication.capped()) {
                LOG.info("{}", replication.note());
            }
            Map<String, NewTopic> missing = new LinkedHashMap<>();
            for (Topic<?, ?> topic : absent) {
                NewTopic t = new NewTopic(topic.name(),
                        Optional.of(topic.partitions() > 0 ? topic.partitions() : partitions),
                        replication.replicationFactor() < 0 ? Optional.empty()
                                : Optional.of((short) replication.replicationFactor()));
                Map<String, String> configs = new HashMap<>();
                if (topic.compacted()) {
                    configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                }
                if (replication.minInsyncReplicas() > 0) {
                    configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            Integer.toString(replication.minInsyncReplicas()));
                }
                missing.put(topic.name(), t.configs(configs));
            }
            List<String> created = new ArrayList<>();
            Map<TopicPartition, OffsetSpec> createdPartitions = new HashMap<>();
            for (var entry : admin.createTopics(missing.values()).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                    for (int p = 0; p < missing.get(entry.getKey()).numPartitions(); p++) {
                        createdPartitions.put(new TopicPartition(entry.getKey(), p), OffsetSpec.latest());
                    }
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitServed(createdPartitions);
            return created;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof AuthorizationException) {
                throw new IllegalStateException("cannot create Hookline's missing topics: this principal lacks CREATE "
                        + "on them (or DESCRIBE, to see that they exist): create them once with an administrator's "
                        + "principal, or grant what the README's \"Running against your cluster\" lists (" + cause
                        + ")", cause);
            }
            throw new IllegalStateException("cannot create Hookline's topics: " + cause, cause);
        }
    }

    /**
     * Returns once each partition's leader serves it. Creating a topic returns when the controller has it, before its
     * leader has applied it; an idempotent producer writing at once (several requests in flight) can then have its
     * first request refused (NOT_LEADER_OR_FOLLOWER) and a later one accepted, and the first one's records are
     * retried as out of order until they expire: lost although acknowledged nowhere (KAFKA-15591, seen with Kafka 4.4
     * on one broker). A ListOffsets answer comes from the leader's copy of the partition, as a produce does; until
     * then it fails with a retriable error (the topic not in the metadata yet, no leader, not the leader yet).
     */
    private void awaitServed(Map<TopicPartition, OffsetSpec> partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (partitions.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(30, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }
}
