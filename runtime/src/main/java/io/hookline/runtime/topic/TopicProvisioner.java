package io.hookline.runtime.topic;

import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthorizationException;
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
            List<NewTopic> missing = new ArrayList<>();
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
                missing.add(t.configs(configs));
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
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
}
