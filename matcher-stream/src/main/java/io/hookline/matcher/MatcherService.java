package io.hookline.matcher;

import io.hookline.config.HooklineConfig;
import io.hookline.config.Settings;
import io.hookline.schemas.topic.Topics;
import io.hookline.service.HooklineService;
import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matcher stage: runs {@link MatcherTopology} (application {@code <prefix>-matcher}) and
 * {@link ConfigAuditTopology} (application {@code <prefix>-matcher-config-audit}). It expects its topics to exist
 * (the CLI provisions them). {@link #start()} returns once the hook table is fully restored, so no post is matched
 * against a partial table.
 */
public final class MatcherService implements HooklineService {

    private static final Logger LOG = LoggerFactory.getLogger(MatcherService.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final HooklineConfig config;
    private final Topics topics;
    private KafkaStreams matcher;
    private KafkaStreams audit;
    private boolean closed;

    public MatcherService(HooklineConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = Topics.from(config);
        // fail at construction, naming the key, rather than inside a stream thread
        config.getBoolean(Settings.ENABLE_OUTGOING_WEBHOOKS);
        MatcherStreamsConfig.processingGuarantee(config);
        config.require(Settings.BOOTSTRAP_SERVERS);
    }

    @Override
    public String name() {
        return "matcher";
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the matcher was closed; create a new MatcherService to start again");
        }
        if (matcher != null) {
            throw new IllegalStateException("the matcher is already started");
        }
        audit = streams(ConfigAuditTopology.build(new StreamsBuilder(), config, topics),
                MatcherStreamsConfig.configAuditApplicationId(config));
        matcher = streams(MatcherTopology.build(new StreamsBuilder(), config, topics),
                MatcherStreamsConfig.matcherApplicationId(config));
        audit.start();
        // blocks until the global hook table is restored (and validated) from webhook-configs
        matcher.start();
        LOG.info("matcher started: {} -> {}, hook table from {}", topics.posts().name(),
                topics.webhookTriggers().name(), topics.webhookConfigs().name());
    }

    @Override
    public synchronized boolean isRunning() {
        return matcher != null && !closed && matcher.state().isRunningOrRebalancing()
                && audit.state().isRunningOrRebalancing();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // leave the group: a restarted matcher would otherwise wait a whole session timeout for its partitions
        CloseOptions leave = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT);
        if (matcher != null) {
            matcher.close(leave);
        }
        if (audit != null) {
            audit.close(leave);
        }
        LOG.info("matcher stopped");
    }

    private KafkaStreams streams(Topology topology, String applicationId) {
        KafkaStreams streams = new KafkaStreams(topology, MatcherStreamsConfig.properties(config, applicationId));
        streams.setUncaughtExceptionHandler(e -> {
            // an exception that escapes the processing handler is a bug or a lost broker: stop rather than spin,
            // isRunning() turns false and the operator sees the log
            LOG.error("{} stopped by an unexpected error", applicationId, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        return streams;
    }
}
