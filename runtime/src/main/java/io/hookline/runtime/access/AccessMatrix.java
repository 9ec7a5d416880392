package io.hookline.runtime.access;

import static org.apache.kafka.common.acl.AclOperation.ALL;
import static org.apache.kafka.common.acl.AclOperation.CREATE;
import static org.apache.kafka.common.acl.AclOperation.DESCRIBE;
import static org.apache.kafka.common.acl.AclOperation.READ;
import static org.apache.kafka.common.acl.AclOperation.WRITE;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The permissions each {@link Role} needs on a cluster with an authorizer, derived from what each reads and writes
 * (the README's ACL matrix lists the same). Topic names and the application id prefix come from the configuration.
 *
 * <p>Every Hookline process checks at start that Hookline's topics exist, so every role may DESCRIBE all of them
 * (metadata only, never a record). The secrets ({@code webhook-configs}: hook tokens; {@code integration-secrets}:
 * signing and cookie keys) are readable only by the roles that use them.
 */
public final class AccessMatrix {

    private AccessMatrix() {
    }

    public static List<Grant> grants(Role role, HooklineConfig config) {
        Topics t = TopicSettings.topics(config);
        String prefix = config.require(Settings.APPLICATION_ID_PREFIX);
        List<Grant> g = new ArrayList<>();
        for (Topic<?, ?> topic : t.all()) {
            g.add(Grant.topic(DESCRIBE, topic.name()));
        }
        switch (role) {
            case MATCHER -> {
                read(g, t.posts(), t.webhookConfigs());
                write(g, t.webhookTriggers(), t.deadLetters());
                streamsApplication(g, prefix + "-matcher");
            }
            case DISPATCHER -> {
                read(g, t.webhookTriggers(), t.webhookRetries(), t.webhookConfigs(), t.interactions());
                write(g, t.webhookResponses(), t.webhookRetries(), t.deadLetters());
                secrets(g, t);
                // <prefix>-dispatcher, -dispatcher-retries, -dispatcher-interactions
                g.add(Grant.prefixed(READ, ResourceType.GROUP, prefix + "-dispatcher"));
            }
            case INGESTOR -> {
                read(g, t.webhookResponses());
                write(g, t.postCommands(), t.deadLetters());
                secrets(g, t);
                streamsApplication(g, prefix + "-ingestor");
            }
            case INTEGRATION_API -> {
                write(g, t.postCommands());
                secrets(g, t);
            }
            case CHAT_SERVER -> {
                write(g, t.posts(), t.interactions());
                read(g, t.postCommands());
            }
            default -> throw new IllegalArgumentException("no grants for " + role);
        }
        return List.copyOf(g);
    }

    private static void read(List<Grant> g, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            g.add(Grant.topic(READ, topic.name()));
        }
    }

    private static void write(List<Grant> g, Topic<?, ?>... topics) {
        for (Topic<?, ?> topic : topics) {
            g.add(Grant.topic(WRITE, topic.name()));
        }
    }

    /** Read, write and (when missing) create the single-partition store of signing and cookie keys. */
    private static void secrets(List<Grant> g, Topics t) {
        read(g, t.integrationSecrets());
        write(g, t.integrationSecrets());
        g.add(Grant.topic(CREATE, t.integrationSecrets().name()));
    }

    /**
     * A Kafka Streams application (exactly once): its consumer group, its internal topics (changelogs, repartition
     * topics: created, read, written, deleted on reset) and its transactional ids all start with the application id.
     */
    private static void streamsApplication(List<Grant> g, String applicationId) {
        g.add(Grant.prefixed(READ, ResourceType.GROUP, applicationId));
        g.add(Grant.prefixed(ALL, ResourceType.TOPIC, applicationId));
        g.add(Grant.prefixed(WRITE, ResourceType.TRANSACTIONAL_ID, applicationId));
    }
}
