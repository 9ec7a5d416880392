package io.hookline.matcher;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.schemas.topic.Topics;
import io.hookline.runtime.service.ClientMetrics;
import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.service.ServiceHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /**
     * Per Streams client; both clients close one after the other, together well inside the 15 s the CLI gives a
     * service to stop. What is not done by then (a commit during a rebalance) is redone after the restart (EOS).
     */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(6);

    private final HooklineConfig config;
    private final MeterRegistry registry;
    private final Topics topics;
    private final List<KafkaStreamsMetrics> streamsMetrics = new ArrayList<>();
    // volatile: health() reads them without the monitor, which start() holds while the hook table restores
    private volatile KafkaStreams matcher;
    private volatile KafkaStreams audit;
    private volatile boolean closed;

    public MatcherService(HooklineConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /**
     * @param registry where the Streams clients' metrics and {@code hookline.matcher.triggers},
     *                 {@code hookline.dead.letters{service=matcher}} go
     */
    public MatcherService(HooklineConfig config, MeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.topics = TopicSettings.topics(config);
        // fail at construction, naming the key, rather than inside a stream thread
        config.getBoolean(MatcherSettings.ENABLE_OUTGOING_WEBHOOKS);
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
        bindMetrics();
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

    /**
     * Live and ready from the states of both Streams clients (the matcher and the config audit); answers at once, also
     * while {@link #start()} waits for the hook table.
     */
    @Override
    public ServiceHealth health() {
        KafkaStreams m = matcher;
        KafkaStreams a = audit;
        if (m == null || a == null || closed) {
            return ServiceHealth.down(closed ? "CLOSED" : "NOT_STARTED", Map.of());
        }
        Map<String, String> states = new LinkedHashMap<>();
        states.put("matcher", m.state().name());
        states.put("config-audit", a.state().name());
        return ServiceHealth.ofStreams(states);
    }

    private void bindMetrics() {
        for (KafkaStreams streams : List.of(matcher, audit)) {
            KafkaStreamsMetrics bound = new KafkaStreamsMetrics(streams);
            bound.bindTo(registry);
            streamsMetrics.add(bound);
        }
        // Streams counts what each task wrote per topic; the sum is what an operator asks for. Records of aborted
        // transactions are counted too (they are few: one per crash or fencing).
        KafkaStreams m = matcher;
        KafkaStreams a = audit;
        FunctionCounter.builder("hookline.matcher.triggers", m, s -> producedTo(s, topics.webhookTriggers().name()))
                .description("triggers the matcher wrote to webhook-triggers").register(registry);
        FunctionCounter.builder("hookline.dead.letters", m,
                        s -> producedTo(s, topics.deadLetters().name()) + producedTo(a, topics.deadLetters().name()))
                .description("records the service sent to dead-letters").tag("service", name()).register(registry);
    }

    private static double producedTo(KafkaStreams streams, String topic) {
        return ClientMetrics.total(streams.metrics(), "stream-topic-metrics", "records-produced-total", "topic", topic);
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
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
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
