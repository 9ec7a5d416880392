package io.hookline.ingestor;

import io.hookline.config.HooklineConfig;
import io.hookline.config.Settings;
import io.hookline.schemas.topic.Topics;
import io.hookline.service.HooklineService;
import java.time.Duration;
import java.util.Properties;
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
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final HooklineConfig config;
    private KafkaStreams streams;
    private boolean closed;

    public IngestorService(HooklineConfig config) {
        this.config = config;
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
        KafkaStreams kafkaStreams = new KafkaStreams(IngestorTopology.build(builder, config, Topics.from(config)),
                props);
        kafkaStreams.setUncaughtExceptionHandler(e -> {
            LOG.error("the ingestor stopped on an unexpected error", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams = kafkaStreams;
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (streams != null) {
            streams.close(CLOSE_TIMEOUT);
            LOG.info("ingestor closed");
        }
    }
}
