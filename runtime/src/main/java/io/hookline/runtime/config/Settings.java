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
    public static final ConfigKey COMMIT_INTERVAL = ConfigKey.of("hookline.commit-interval", "15ms",
            "how often the matcher and the ingestor commit their work (Kafka Streams commit.interval.ms; a "
                    + "commit.interval.ms setting wins; the matcher's is at most half "
                    + "hookline.matcher.post-fetch-wait, so that it commits each batch of posts it gathers): under "
                    + "exactly-once a reply is readable only after a commit of each, so this is most of Hookline's "
                    + "own latency; each commit is a Kafka transaction, so a shorter interval costs the brokers more "
                    + "requests (Kafka's default is 100ms)");
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

    // Kafka client settings that decide how soon a killed process's work goes to a running peer: GroupMembership
    // applies the first two to every group member, StreamsApp the third to the Streams stages' producers.
    public static final ConfigKey SESSION_TIMEOUT = ConfigKey.of("session.timeout.ms", "6000",
            "Kafka consumer setting, Hookline's default (Kafka's is 45000): milliseconds a killed matcher, "
                    + "dispatcher or ingestor process keeps its partitions before a running peer takes them over; "
                    + "6000 is the lowest a broker accepts by default (group.min.session.timeout.ms); classic "
                    + "group protocol only (with group.protocol=consumer the broker's group.consumer.session."
                    + "timeout.ms decides)");
    public static final ConfigKey HEARTBEAT_INTERVAL = ConfigKey.of("heartbeat.interval.ms", "1000",
            "Kafka consumer setting, Hookline's default (Kafka's is 3000): milliseconds between a group member's "
                    + "heartbeats; a peer learns of a rebalance at its next one, and six fit in the session timeout, "
                    + "so that a few late ones under load do not expire a live process");
    public static final ConfigKey TRANSACTION_TIMEOUT = ConfigKey.of("transaction.timeout.ms", "6000",
            "Kafka producer setting of the matcher's and the ingestor's transactions, Hookline's default (Kafka "
                    + "Streams' is 10000): a killed process's open transaction holds back its partitions (their "
                    + "readers and the peer taking them over) until the broker aborts it, this long after it began "
                    + "plus up to the broker's transaction.abort.timed.out.transaction.cleanup.interval.ms; 6000 "
                    + "matches session.timeout.ms. A live process stalled this long (CPU, GC) has its transaction "
                    + "aborted too: its stream thread is then replaced and redoes the work from its last commit "
                    + "(nothing lost or doubled; a process that loses 5 within 5 minutes stops, as for any other "
                    + "error); must exceed commit.interval.ms");

    public static final List<ConfigKey> ALL = List.of(BOOTSTRAP_SERVERS, PROCESSING_GUARANTEE, COMMIT_INTERVAL,
            APPLICATION_ID_PREFIX,
            TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, TOPIC_MIN_INSYNC_REPLICAS,
            OUTGOING_INTEGRATION_REQUESTS_TIMEOUT, SESSION_TIMEOUT, HEARTBEAT_INTERVAL, TRANSACTION_TIMEOUT);

    private Settings() {
    }
}
