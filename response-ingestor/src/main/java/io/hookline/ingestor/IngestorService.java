package io.hookline.ingestor;

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
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The response ingestor as a running service: a Kafka Streams application {@code <prefix>-ingestor} with
 * {@code exactly_once_v2} by default. It does not create topics; they must exist.
 */
public final class IngestorService implements HooklineService {

    private static final Logger LOG = LoggerFactory.getLogger(IngestorService.class);
    /**
     * How long {@link #close()} waits for the stream thread. Stopped during its first rebalance, the thread may sit in
     * a blocking call of its exactly-once producer ({@code initTransactions} or a commit, each up to
     * {@code max.block.ms}, 60 s) or in restoring the dedup store; the old 30 s outlasted the 15 s the CLI gives a
     * service to stop. Bounded well below that instead: what is not committed by then is aborted and redone (EOS).
     */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final HooklineConfig config;
    private final MeterRegistry registry;
    // volatile: health() reads them from the ops endpoint's thread without taking the monitor
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private volatile boolean closed;

    public IngestorService(HooklineConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    /**
     * @param registry where the Streams client's metrics and {@code hookline.ingestor.post.commands},
     *                 {@code hookline.dead.letters{service=ingestor}} go
     */
    public IngestorService(HooklineConfig config, MeterRegistry registry) {
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String name() {
        return "ingestor";
    }

    /** The Kafka Streams settings of the ingestor: the Kafka client settings of the config plus its own. */
    public static Properties streamsProperties(HooklineConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafkaProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.require(Settings.APPLICATION_ID_PREFIX) + "-ingestor");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.require(Settings.PROCESSING_GUARANTEE));
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // No global stores here; set so that Streams does not warn about the 5.0 default on every start.
        props.putIfAbsent("processing.exception.handler.global.enabled", true);
        return props;
    }

    @Override
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the ingestor was closed; create a new one");
        }
        if (streams != null) {
            throw new IllegalStateException("the ingestor is already started");
        }
        config.require(Settings.BOOTSTRAP_SERVERS);
        Properties props = streamsProperties(config);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
        KafkaStreams kafkaStreams = new KafkaStreams(IngestorTopology.build(builder, config, TopicSettings.topics(config)),
                props);
        kafkaStreams.setUncaughtExceptionHandler(e -> {
            LOG.error("the ingestor stopped on an unexpected error", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams = kafkaStreams;
        bindMetrics(kafkaStreams, TopicSettings.topics(config));
        kafkaStreams.start();
        LOG.info("ingestor started: application id {}, processing guarantee {}",
                props.get(StreamsConfig.APPLICATION_ID_CONFIG), props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    }

    @Override
    public synchronized boolean isRunning() {
        return streams != null && (streams.state() == KafkaStreams.State.RUNNING
                || streams.state() == KafkaStreams.State.REBALANCING);
    }

    /** The Streams state ({@code CREATED}, {@code RUNNING}, ...), or {@code NOT_STARTED}. */
    public synchronized String state() {
        return streams == null ? "NOT_STARTED" : streams.state().name();
    }

    /** Live and ready from the Streams client's state: ready only when {@code RUNNING}. */
    @Override
    public ServiceHealth health() {
        KafkaStreams s = streams;
        if (s == null || closed) {
            return ServiceHealth.down(closed ? "CLOSED" : "NOT_STARTED", Map.of());
        }
        return ServiceHealth.ofStreams(Map.of("ingestor", s.state().name()));
    }

    private void bindMetrics(KafkaStreams kafkaStreams, Topics topics) {
        streamsMetrics = new KafkaStreamsMetrics(kafkaStreams);
        streamsMetrics.bindTo(registry);
        // Streams counts what each task wrote per topic (records of aborted transactions included)
        FunctionCounter.builder("hookline.ingestor.post.commands", kafkaStreams,
                        s -> producedTo(s, topics.postCommands().name()))
                .description("post commands the ingestor wrote to post-commands").register(registry);
        FunctionCounter.builder("hookline.dead.letters", kafkaStreams, s -> producedTo(s, topics.deadLetters().name()))
                .description("records the service sent to dead-letters").tag("service", name()).register(registry);
    }

    private static double producedTo(KafkaStreams streams, String topic) {
        return ClientMetrics.total(streams.metrics(), "stream-topic-metrics", "records-produced-total", "topic", topic);
    }

    /**
     * Stops the stream thread within {@link #CLOSE_TIMEOUT} and leaves the consumer group, so that a restarted (or
     * another) ingestor gets the partitions at once instead of after the session timeout.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (streams != null) {
            boolean stopped = streams.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(CLOSE_TIMEOUT));
            if (streamsMetrics != null) {
                streamsMetrics.close();
            }
            if (stopped) {
                LOG.info("ingestor closed");
            } else {
                LOG.warn("ingestor did not stop within {} s (state {}); uncommitted work is redone after a restart",
                        CLOSE_TIMEOUT.toSeconds(), streams.state());
            }
        }
    }
}
