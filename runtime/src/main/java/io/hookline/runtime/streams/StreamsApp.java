package io.hookline.runtime.streams;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.group.GroupMembership;
import io.hookline.runtime.topic.TopicSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;

/**
 * One Kafka Streams application of a stage, and the one place its Streams properties are put together.
 *
 * @param stage              the stage it belongs to ({@code matcher}, {@code ingestor}): the stage of its dead letters
 * @param role               its name among the stage's applications, and the key of its state in the stage's health;
 *                           the stage's main application has the stage's name
 * @param failFastProcessors processors where an error that escapes stops the application instead of dead-lettering
 *                           the record: those where skipping a record would silently lose a change
 * @param inputFetchWait     the key of how long the broker may hold a fetch of this application's input to gather
 *                           more of it ({@link #gatheringInputFor}); null: every fetch returns as soon as one record is
 *                           there, Kafka's default
 */
public record StreamsApp(String stage, String role, Set<String> failFastProcessors, ConfigKey inputFetchWait) {

    /** The longest fetch wait a stage may ask for: Kafka's own default {@code fetch.max.wait.ms}. */
    static final Duration MAX_INPUT_FETCH_WAIT = Duration.ofMillis(500);
    /**
     * The {@code fetch.min.bytes} that goes with an input fetch wait: more than a wait of input holds at any post rate
     * a stage is built for, so the wait alone decides when a fetch returns (Kafka's {@code max.partition.fetch.bytes}).
     */
    static final int GATHERING_FETCH_MIN_BYTES = 1024 * 1024;

    public StreamsApp {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(role, "role");
        failFastProcessors = Set.copyOf(failFastProcessors);
    }

    /** The stage's main application, id {@code <prefix>-<stage>}. */
    public static StreamsApp main(String stage) {
        return new StreamsApp(stage, stage, Set.of(), null);
    }

    /** Another application of the stage, id {@code <prefix>-<stage>-<role>}. */
    public static StreamsApp secondary(String stage, String role) {
        return new StreamsApp(stage, role, Set.of(), null);
    }

    /** This application, failing fast in {@code processors}. */
    public StreamsApp failingFastIn(String... processors) {
        return new StreamsApp(stage, role, Set.of(processors), inputFetchWait);
    }

    /**
     * This application, its main consumer's fetches held by the broker for up to the duration {@code key} configures
     * (0: not at all), so that a busy input is processed, and committed, in fuller batches: fewer fetch requests and
     * fewer poll loops per record, at the cost of up to that wait per record when the input is quiet.
     */
    public StreamsApp gatheringInputFor(ConfigKey key) {
        return new StreamsApp(stage, role, failFastProcessors, Objects.requireNonNull(key, "key"));
    }

    /** {@code <hookline.application-id-prefix>-<stage>}, with {@code -<role>} for a secondary application. */
    public String applicationId(HooklineConfig config) {
        String id = config.require(Settings.APPLICATION_ID_PREFIX) + "-" + stage;
        return role.equals(stage) ? id : id + "-" + role;
    }

    /** {@code hookline.processing-guarantee}: {@code exactly_once_v2} (default) or {@code at_least_once}. */
    public static String processingGuarantee(HooklineConfig config) {
        String value = config.require(Settings.PROCESSING_GUARANTEE).trim();
        if (!value.equals(StreamsConfig.EXACTLY_ONCE_V2) && !value.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException(Settings.PROCESSING_GUARANTEE.name() + " must be "
                    + StreamsConfig.EXACTLY_ONCE_V2 + " or " + StreamsConfig.AT_LEAST_ONCE + ", got '" + value
                    + "' (from " + config.sourceOf(Settings.PROCESSING_GUARANTEE.name()) + ")");
        }
        return value;
    }

    /** {@code hookline.commit-interval} in milliseconds, at least one. */
    static long commitIntervalMs(HooklineConfig config) {
        return config.getPositiveDuration(Settings.COMMIT_INTERVAL).toMillis();
    }

    /**
     * {@link #commitIntervalMs(HooklineConfig)}, at most half {@code fetchWaitMs} where the input is gathered (0: it
     * is not). A gathered batch is to be committed as soon as it is processed, or each of its records also waits for
     * the next fetch. The consumer fetches ahead, so a poll returns about one wait after the one before, and the
     * interval counts from the last commit: an interval of the whole wait would often fall due a moment after a poll
     * and stay unchecked until the next one (measured: as late as with Kafka's behaviour).
     */
    private static long commitIntervalMs(HooklineConfig config, long fetchWaitMs) {
        long configured = commitIntervalMs(config);
        return fetchWaitMs > 0 ? Math.max(1, Math.min(configured, fetchWaitMs / 2)) : configured;
    }

    /**
     * The Kafka client settings of {@code config} (TLS, SASL, {@code state.dir}, thread counts ... pass through), then
     * what Hookline owns: the application id, {@code hookline.processing-guarantee}, {@code hookline.commit-interval}
     * (unless {@code commit.interval.ms} is set; at most half the input's fetch wait where the application
     * {@linkplain #gatheringInputFor gathers its input}) and explicit naming of every internal resource. Unless
     * configured otherwise, an exception that escapes a processor dead-letters its source record with the stage's
     * {@code hookline.dlq.*} headers and the stream goes on
     * ({@link DeadLetteringExceptionHandler}), also on the global thread; in {@link #failFastProcessors} it stops the
     * application. Its consumers get the group membership settings of {@link GroupMembership}, its producers
     * {@link Settings#TRANSACTION_TIMEOUT}: both bound how long a killed instance's tasks wait for a peer. An
     * application {@linkplain #gatheringInputFor gathering its input} gets its main consumer's fetch wait.
     */
    public Properties properties(HooklineConfig config) {
        Properties props = new Properties();
        props.putAll(config.kafkaProperties());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetteringExceptionHandler.class.getName());
        // the handler sees the global thread's errors too (KIP-1270, Kafka 5.0's only behaviour); set, so that
        // Streams does not warn about the coming default at every start
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(DeadLetteringExceptionHandler.DEAD_LETTERS_TOPIC_CONFIG,
                TopicSettings.topics(config).deadLetters().name());
        props.put(DeadLetteringExceptionHandler.STAGE_CONFIG, stage);
        props.put(DeadLetteringExceptionHandler.FAIL_FAST_PROCESSORS_CONFIG, String.join(",", failFastProcessors));
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(config));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee(config));
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        GroupMembership.apply(config, props);
        props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG,
                commitIntervalMs(config, gatherInput(config, props)));
        // prefixed, so that Streams checks it against commit.interval.ms (it reads only the prefixed key for that)
        props.putIfAbsent(StreamsConfig.producerPrefix(Settings.TRANSACTION_TIMEOUT.name()),
                config.getPositiveMillis(Settings.TRANSACTION_TIMEOUT));
        return props;
    }

    /**
     * The main consumer's fetch wait from {@link #inputFetchWait}, unless the operator has set {@code fetch.max.wait.ms}
     * or {@code fetch.min.bytes} (plain or with a Streams prefix): then theirs is the whole story.
     *
     * @return the fetch wait put, in milliseconds; 0 where none was
     */
    private long gatherInput(HooklineConfig config, Properties props) {
        if (inputFetchWait == null) {
            return 0;
        }
        Duration wait = config.getDurationAtMost(inputFetchWait, MAX_INPUT_FETCH_WAIT);
        if (wait.isZero() || setsAnyOf(props, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG)) {
            return 0;
        }
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), (int) wait.toMillis());
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), GATHERING_FETCH_MIN_BYTES);
        return wait.toMillis();
    }

    private static boolean setsAnyOf(Properties props, String... consumerKeys) {
        for (String key : consumerKeys) {
            if (props.containsKey(key) || props.containsKey(StreamsConfig.consumerPrefix(key))
                    || props.containsKey(StreamsConfig.mainConsumerPrefix(key))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A builder for this application's topology that knows its properties, so that an unnamed store or internal topic
     * fails when the topology is built rather than at start. Needs {@code bootstrap.servers}.
     */
    public StreamsBuilder streamsBuilder(HooklineConfig config) {
        return new StreamsBuilder(new TopologyConfig(new StreamsConfig(properties(config))));
    }
}
