package io.hookline.runtime.config;

import java.util.List;

/** The settings every Hookline service shares. They mirror Mattermost's server settings of the same meaning. */
public final class Settings {

    public static final ConfigKey BOOTSTRAP_SERVERS = ConfigKey.of("bootstrap.servers", null,
            "Kafka bootstrap servers; `hookline up` starts a local broker when none is given");
    public static final ConfigKey ENABLE_OUTGOING_WEBHOOKS = ConfigKey.of("hookline.enable-outgoing-webhooks", "true",
            "Mattermost EnableOutgoingWebhooks: when false no post triggers any hook");
    public static final ConfigKey ENABLE_POST_USERNAME_OVERRIDE = ConfigKey.of(
            "hookline.enable-post-username-override", "false",
            "Mattermost EnablePostUsernameOverride: response posts may set their username");
    public static final ConfigKey ENABLE_POST_ICON_OVERRIDE = ConfigKey.of("hookline.enable-post-icon-override",
            "false", "Mattermost EnablePostIconOverride: response posts may set their icon");
    public static final ConfigKey ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS = ConfigKey.of(
            "hookline.allowed-untrusted-internal-connections", "",
            "Mattermost AllowedUntrustedInternalConnections: host names, IPs and CIDRs (spaces or commas) that "
                    + "callbacks may reach although they are internal");
    public static final ConfigKey OUTGOING_INTEGRATION_REQUESTS_TIMEOUT = ConfigKey.of(
            "hookline.outgoing-integration-requests-timeout", "30",
            "Mattermost OutgoingIntegrationRequestsTimeout: seconds one callback request may take in all");
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.of("hookline.connect-timeout", "3",
            "seconds to open a connection (TCP and TLS) to a callback URL");
    public static final ConfigKey PROCESSING_GUARANTEE = ConfigKey.of("hookline.processing-guarantee",
            "exactly_once_v2", "Kafka Streams processing.guarantee of the matcher and the ingestor");
    public static final ConfigKey APPLICATION_ID_PREFIX = ConfigKey.of("hookline.application-id-prefix", "hookline",
            "prefix of the Streams application ids and consumer group ids (<prefix>-matcher, ...)");
    public static final ConfigKey TOPIC_PARTITIONS = ConfigKey.of("hookline.topic-partitions", "6",
            "partitions of each topic Hookline creates");
    public static final ConfigKey TOPIC_REPLICATION_FACTOR = ConfigKey.of("hookline.topic-replication-factor", "-1",
            "replication factor of each topic Hookline creates (-1: the broker's default)");

    public static final ConfigKey OPS_PORT = ConfigKey.of("hookline.ops-port", "9464",
            "port of the process's /health and /metrics HTTP endpoint: by default 9464 when free, else a free port "
                    + "(the ready line and the log say which); a port set explicitly must be free; 0: any free port; "
                    + "off: no endpoint");
    public static final ConfigKey OPS_ADDRESS = ConfigKey.of("hookline.ops-address", "0.0.0.0",
            "address the /health and /metrics endpoint listens on (127.0.0.1: this machine only)");
    public static final ConfigKey LOG_FORMAT = ConfigKey.of("hookline.log-format", "text",
            "format of the log lines on stderr: text, logfmt (key=value pairs) or json (one object per line)");
    public static final ConfigKey LOG_LEVEL = ConfigKey.of("hookline.log-level", "info,org.apache.kafka=warn",
            "log levels: the level of every logger, then LOGGER=LEVEL exceptions, comma separated (levels trace, "
                    + "debug, info, warn, error, off)");

    public static final List<ConfigKey> ALL = List.of(BOOTSTRAP_SERVERS, ENABLE_OUTGOING_WEBHOOKS,
            ENABLE_POST_USERNAME_OVERRIDE, ENABLE_POST_ICON_OVERRIDE, ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS,
            OUTGOING_INTEGRATION_REQUESTS_TIMEOUT, CONNECT_TIMEOUT, PROCESSING_GUARANTEE, APPLICATION_ID_PREFIX,
            TOPIC_PARTITIONS, TOPIC_REPLICATION_FACTOR, OPS_PORT, OPS_ADDRESS, LOG_FORMAT, LOG_LEVEL);

    private Settings() {
    }
}
