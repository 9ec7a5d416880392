package io.hookline.runtime.streams;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.service.ClientMetrics;
import io.hookline.runtime.service.ServiceHealth;
import io.hookline.runtime.topic.TopicSettings;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Kafka Streams applications of one stage, each a {@link StreamsApp} with its topology:
 * <ul>
 *   <li>{@link #start()} builds every topology, then starts the clients in the order they were added, and returns
 *       once each {@code KafkaStreams#start} has, which for a client with a global store is once that store is
 *       restored;</li>
 *   <li>an exception that escapes even the processing exception handler stops its client ({@code SHUTDOWN_CLIENT},
 *       logged as an error) rather than letting it spin: {@link #isRunning()} turns false, {@link #health()} not
 *       live; but a thread that lost its transaction to the broker is replaced ({@link LostTransactionRecovery});</li>
 *   <li>{@link #close()} closes the clients in reverse order, each within the close timeout, leaving the consumer
 *       group so that a restarted stage gets its partitions at once instead of after the session timeout; what is not
 *       committed by then is aborted and redone after a restart (exactly-once);</li>
 *   <li>meters: each client's own ({@code KafkaStreamsMetrics}), {@code hookline.dead.letters{service=<stage>}} and
 *       those of {@link #countRecordsTo}.</li>
 * </ul>
 */
public final class StreamsRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);

    private final String stage;
    private final HooklineConfig config;
    private final MeterRegistry registry;
    private final Duration closeTimeout;
    private final List<App> apps = new ArrayList<>();
    private final List<KafkaStreamsMetrics> streamsMetrics = new ArrayList<>();
    // volatile: health() reads them without the monitor, which start() holds while a global store restores
    private volatile List<Client> clients = List.of();
    private volatile boolean closed;

    /**
     * @param stage        the stage's name, as in logs, health and the {@code service} tag of its meters
     * @param closeTimeout how long {@link #close()} waits for each client: the clients of a stage together must stop
     *                     within the time the CLI gives a service (15 s)
     */
    public StreamsRunner(String stage, HooklineConfig config, MeterRegistry registry, Duration closeTimeout) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.config = Objects.requireNonNull(config, "config");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        countRecordsTo("hookline.dead.letters", "records the service sent to dead-letters",
                TopicSettings.topics(config).deadLetters().name(), Tags.of("service", stage));
    }

    /** The stage's name. */
    public String stage() {
        return stage;
    }

    /**
     * Adds an application of this stage, its topology built from the builder given (one that knows the application's
     * properties). Its settings are checked now, naming the key of a bad one.
     */
    public StreamsRunner add(StreamsApp app, Function<StreamsBuilder, Topology> topology) {
        if (!app.stage().equals(stage)) {
            throw new IllegalArgumentException("application " + app + " is not one of the stage " + stage);
        }
        apps.add(new App(app, topology, app.properties(config)));
        return this;
    }

    /**
     * Registers the counter {@code meter}: the records the stage's clients wrote to {@code topic}. Streams counts them
     * per task and topic, records of aborted transactions included (few: one batch per crash or fencing); an operator
     * wants the sum.
     */
    public void countRecordsTo(String meter, String description, String topic) {
        countRecordsTo(meter, description, topic, Tags.empty());
    }

    private void countRecordsTo(String meter, String description, String topic, Tags tags) {
        FunctionCounter.builder(meter, this, runner -> runner.recordsProducedTo(topic)).description(description)
                .tags(tags).register(registry);
    }

    private double recordsProducedTo(String topic) {
        double sum = 0;
        for (Client client : clients) {
            sum += ClientMetrics.total(client.streams().metrics(), "stream-topic-metrics", "records-produced-total",
                    "topic", topic);
        }
        return sum;
    }

    /** Builds and starts the clients; see the class comment. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("the " + stage + " was closed; create a new one to start again");
        }
        if (!clients.isEmpty()) {
            throw new IllegalStateException("the " + stage + " is already started");
        }
        config.require(Settings.BOOTSTRAP_SERVERS);
        List<Topology> topologies = new ArrayList<>();
        for (App app : apps) {
            topologies.add(app.topology().apply(app.app().streamsBuilder(config)));
        }
        List<Client> built = new ArrayList<>();
        try {
            for (int i = 0; i < apps.size(); i++) {
                built.add(client(apps.get(i), topologies.get(i)));
            }
        } catch (RuntimeException e) {
            built.forEach(c -> c.streams().close(Duration.ZERO));
            throw e;
        }
        clients = List.copyOf(built);
        for (Client client : built) {
            KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(client.streams());
            metrics.bindTo(registry);
            streamsMetrics.add(metrics);
        }
        for (Client client : built) {
            client.streams().start();
        }
        LOG.info("{} started: applications {}, processing guarantee {}", stage,
                built.stream().map(Client::applicationId).toList(), StreamsApp.processingGuarantee(config));
    }

    private Client client(App app, Topology topology) {
        String applicationId = app.app().applicationId(config);
        KafkaStreams streams = new KafkaStreams(topology, app.properties());
        LostTransactionRecovery recovery = new LostTransactionRecovery(Clock.systemUTC());
        streams.setUncaughtExceptionHandler(e -> {
            StreamThreadExceptionResponse response = recovery.respond(e);
            if (response == StreamThreadExceptionResponse.REPLACE_THREAD) {
                LOG.warn("{}: a stream thread lost its transaction (aborted by the broker after a stall longer than "
                        + "transaction.timeout.ms?); replacing the thread, which redoes the work from the last "
                        + "commit", applicationId, e);
            } else {
                // any other escaping exception is a bug or a lost broker: stop rather than spin; the operator sees
                // the log and the health
                LOG.error("{} stopped by an unexpected error", applicationId, e);
            }
            return response;
        });
        return new Client(app.app().role(), applicationId, streams);
    }

    /** True while started, not closed, and every client is running or rebalancing. */
    public boolean isRunning() {
        List<Client> current = clients;
        return !closed && !current.isEmpty()
                && current.stream().allMatch(c -> c.streams().state().isRunningOrRebalancing());
    }

    /** Live and ready from the states of the clients by role; answers at once, also while {@link #start()} waits. */
    public ServiceHealth health() {
        List<Client> current = clients;
        if (closed || current.isEmpty()) {
            return ServiceHealth.down(closed ? "CLOSED" : "NOT_STARTED", Map.of());
        }
        Map<String, String> states = new LinkedHashMap<>();
        current.forEach(c -> states.put(c.role(), c.streams().state().name()));
        return ServiceHealth.ofStreams(states);
    }

    /** Idempotent; see the class comment. */
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        CloseOptions leave = CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(closeTimeout);
        for (int i = clients.size() - 1; i >= 0; i--) {
            Client client = clients.get(i);
            if (!client.streams().close(leave)) {
                LOG.warn("{} did not stop within {} s (state {}); what it had not committed is redone after a "
                        + "restart", client.applicationId(), closeTimeout.toSeconds(), client.streams().state());
            }
        }
        streamsMetrics.forEach(KafkaStreamsMetrics::close);
        if (!clients.isEmpty()) {
            LOG.info("{} stopped", stage);
        }
    }

    private record App(StreamsApp app, Function<StreamsBuilder, Topology> topology, Properties properties) {
    }

    private record Client(String role, String applicationId, KafkaStreams streams) {
    }
}
