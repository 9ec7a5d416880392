package io.hookline.runtime.topic;

import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.ArrayList;
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
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates Hookline's topics that do not exist yet, with their partitions and cleanup policy; leaves others alone. */
public final class TopicProvisioner {

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, HooklineConfig config) {
        this.admin = admin;
        this.partitions = config.getInt(Settings.TOPIC_PARTITIONS);
        this.replicationFactor = (short) config.getInt(Settings.TOPIC_REPLICATION_FACTOR);
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
            List<NewTopic> missing = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (!existing.contains(topic.name())) {
                    NewTopic t = new NewTopic(topic.name(),
                            Optional.of(topic.partitions() > 0 ? topic.partitions() : partitions),
                            replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor));
                    if (topic.compacted()) {
                        t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(t);
                }
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
            throw new IllegalStateException("cannot create Hookline's topics: " + cause, cause);
        }
    }
}
