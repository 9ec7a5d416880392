package io.hookline.runtime.config;

import java.util.List;

/**
 * The settings more than one stage reads: where Kafka is, how Streams stages process, how topics are made. A key that
 * one component alone reads lives with that component ({@code MatcherSettings}, {@code DispatcherSettings},
 * {@code IngestorSettings}, the CLI's {@code OpsSettings} and {@code LogSettings}).
 */
public final class Settings {

    public static final ConfigKey BOOTSTRAP_SERVERS = ConfigKey.of("bootstrap.servers", null,
            "Kafka bootstrap servers; `hookline up` starts a local broker when none is given");
    public static final ConfigKey PROCESSING_GUARANTEE = ConfigKey.of("hookline.processing-guarantee",
            "exactly_once_v2", "Kafka Streams processing.guarantee of the matcher and the ingestor");
    public static final ConfigKey COMMIT_INTERVAL = ConfigKey.of("hookline.commit-interval", "25ms",
            "how often the matcher and the ingestor commit their work (Kafka Streams commit.interval.ms; a "
                    + "commit.interval.ms setting wins): under exactly-once a reply is readable only after a commit of "
                    + "each, so this is most of Hookline's own latency; each commit is a Kafka transaction, so a "
                    + "shorter interval costs the brokers more requests (Kafka's default is 100ms)");
    public static final ConfigKey APPLICATION_ID_PREFIX = ConfigKey.of("hookline.application-id-prefix", "hookline",
            "prefix of the Streams application ids and consumer group ids (<prefix>-matcher, ...)");
    public static final ConfigKey TOPIC_PARTITIONS = ConfigKey.of("hookline.topic-partitions", "6",
            "partitions of each topic Hookline creates");
    public static final ConfigKey TOPIC_REPLICATION_FACTOR = ConfigKey.of("hookline.topic-replication-factor", "3",
            "replication factor of each topic Hookline creates, capped to the brokers the cluster has (-1: the "
                    + "broker's default)");
    public static final ConfigKey TOPIC_MIN_INSYNC_REPLICAS = ConfigKey.of("hookline.topic-min-insync-replicas", "2",
            "min.insync.replicas of each topic Hookline creates, capped to its replication factor (-1: the broker's "
                    + "default)");

    public static final ConfigKey OUTGOING_INTEGRATION_REQUESTS_TIMEOUT = ConfigKey.of(
            "hookline.outgoing-integration-requests-timeout", "30",
            "Mattermost OutgoingIntegrationRequestsTimeout: seconds one callback, click, dialog or lookup request may "
                    + "take in all, and how long a trigger id stays valid");

    public static final List<ConfigKey> ALL = List.of(BOOTSTRAP_SERVERS, PROCESSING_GUARANTEE, COMMIT_INTERVAL,
            APPLICATION_ID_PREFIX,
            TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, TOPIC_MIN_INSYNC_REPLICAS,
            OUTGOING_INTEGRATION_REQUESTS_TIMEOUT);

    private Settings() {
    }
}
