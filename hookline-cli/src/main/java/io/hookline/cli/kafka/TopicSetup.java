package io.hookline.cli.kafka;

import io.hookline.cli.CliFailure;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicProvisioner;
import io.hookline.schemas.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;

/**
 * Creates Hookline's missing topics before a command or service uses them, so that no topic is ever auto-created by
 * a client with the broker's defaults (wrong partition count, no compaction on {@code webhook-configs}).
 */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Creates what is missing; returns the names created. */
    public static List<String> ensure(HooklineConfig config) {
        KafkaClients clients = new KafkaClients(config);
        try (Admin admin = clients.admin()) {
            return new TopicProvisioner(admin, config).ensure(TopicSettings.topics(config));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof AuthorizationException) {
                // Kafka answered, and said no: the message says what to grant, not how to reach Kafka
                throw new CliFailure(e.getMessage(), e);
            }
            throw Unreachable.describe(clients.bootstrapServers(), e);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
    }
}
