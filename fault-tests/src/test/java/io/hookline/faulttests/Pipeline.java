package io.hookline.faulttests;

import io.hookline.kafkatest.StageProcess;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.Json;
import io.hookline.runtime.topic.TopicProvisioner;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One scenario's Hookline: its own topic names and application ids on the shared broker, the settings every stage
 * process gets (short retries and timeouts so faults resolve quickly), and the stage processes it started.
 */
public final class Pipeline implements AutoCloseable {

    public static final String TEAM = "faultteam00000000000000001";
    public static final String CREATOR = "hookbot0000000000000000001";
    public static final Duration STARTUP = Duration.ofSeconds(120);

    private final KafkaBroker broker;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Path workDir;
    private final List<StageProcess> stages = new ArrayList<>();
    private final Thread reaper = new Thread(this::killAll, "fault-tests-reaper");

    public Pipeline(KafkaBroker broker, String scenario, Path workDir, Map<String, String> overrides) {
        this.broker = broker;
        this.workDir = workDir;
        String prefix = broker.uniqueName(scenario);
        settings.put("hookline.application-id-prefix", prefix);
        for (String topic : List.of("posts", "webhook-configs", "webhook-triggers", "webhook-responses",
                "post-commands", "dead-letters", "webhook-retries")) {
            settings.put("hookline.topic." + topic, prefix + "-" + topic);
        }
        settings.put("hookline.topic-partitions", "6");
        settings.put("hookline.allowed-untrusted-internal-connections", "127.0.0.1");
        settings.put("hookline.dispatcher.retry-delays", "200ms,500ms");
        settings.put("hookline.dispatcher.retry-jitter", "0");
        settings.put("hookline.outgoing-integration-requests-timeout", "3");
        settings.put("hookline.connect-timeout", "2");
        settings.put("hookline.dispatcher.shutdown-grace", "2s");
        settings.put("commit.interval.ms", "200");
        settings.putAll(overrides);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public HooklineConfig config() {
        return HooklineConfig.of(settings).with("bootstrap.servers", broker.bootstrapServers());
    }

    public Topics topics() {
        return TopicSettings.topics(config());
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Pipeline createTopics() {
        HooklineConfig config = config();
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            new TopicProvisioner(admin, config).ensure(TopicSettings.topics(config));
            awaitLeaders(admin, TopicSettings.topics(config).all().stream().map(t -> t.name()).toList());
        }
        return this;
    }

    /**
     * Waits until every consumer group of {@code stage} (ids starting {@code <prefix>-<stage>}: its Streams
     * applications, or the dispatcher's lanes) is stable with {@code members} members, so that a kill that follows
     * shows the failover alone, not the end of an earlier rebalance.
     */
    public void awaitGroups(String stage, int members, Duration timeout) {
        try (Admin admin = Admin.create(config().kafkaProperties())) {
            Await.until(() -> {
                Map<String, ConsumerGroupDescription> groups = groups(admin, stage);
                return !groups.isEmpty() && groups.values().stream()
                        .allMatch(g -> g.groupState() == GroupState.STABLE && g.members().size() == members);
            }, timeout, () -> "every group of the " + stage + " stable with " + members + " members");
        }
    }

    /** The consumer groups of {@code stage} (ids starting {@code <prefix>-<stage>}) by id, as they are now. */
    Map<String, ConsumerGroupDescription> groups(Admin admin, String stage) {
        String prefix = settings.get("hookline.application-id-prefix") + "-" + stage;
        try {
            List<String> ids = admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId).filter(id -> id.startsWith(prefix)).sorted().toList();
            return new TreeMap<>(admin.describeConsumerGroups(ids).all().get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the groups " + prefix + "*", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the groups " + prefix + "*: " + e.getMessage(), e);
        }
    }

    /**
     * New partitions get their leader a moment after creation; writing before that only produces retries. Until the
     * broker's metadata has caught up with the creation it does not know the topic at all, which is "not yet" too.
     */
    private static void awaitLeaders(Admin admin, List<String> names) {
        Await.until(() -> describe(admin, names).map(topics -> topics.stream().allMatch(d -> d.partitions()
                        .stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty()))).orElse(false),
                Duration.ofSeconds(60), () -> "a leader for every partition of " + names);
    }

    /** The topics' descriptions; empty while the broker does not know one of them yet. */
    private static Optional<Collection<TopicDescription>> describe(Admin admin, List<String> names) {
        try {
            return Optional.of(admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing topics " + names, e);
        } catch (Exception e) {
            if (e instanceof ExecutionException && e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Optional.empty();
            }
            throw new IllegalStateException("cannot describe topics " + names + ": " + e.getMessage(), e);
        }
    }

    /** A stage process, started and ready. */
    public StageProcess start(String stage, String... jvmOptions) {
        List<String> options = new ArrayList<>(List.of(jvmOptions));
        if (options.stream().noneMatch(o -> o.startsWith("-Xmx"))) {
            options.add("-Xmx256m");
        }
        // stages live for seconds to minutes on shared cores: C1 only, and the serial collector
        options.add("-XX:+UseSerialGC");
        options.add("-XX:TieredStopAtLevel=1");
        StageProcess p;
        synchronized (stages) {
            // peers of a stage run side by side, as on one host: each keeps its own state directory (Streams keeps
            // its process id there, from which its transactional ids derive), and a restart finds it again
            Map<String, String> own = new LinkedHashMap<>(settings);
            own.put("state.dir", workDir.resolve("state").resolve(stage + "-" + stages.size()).toString());
            p = new StageProcess(stage, broker.bootstrapServers(), own, options, workDir.resolve("logs"));
            stages.add(p);
        }
        return p.start(STARTUP);
    }

    /**
     * Stage processes started side by side, as an operator starts a deployment, and each ready; returned in the order
     * given. One after another, the JVMs' start-ups (seconds each) would add up.
     */
    public List<StageProcess> startAll(String... stageNames) {
        ExecutorService starting = Executors.newFixedThreadPool(stageNames.length);
        try {
            List<Future<StageProcess>> launches = new ArrayList<>();
            for (String stage : stageNames) {
                launches.add(starting.submit(() -> start(stage)));
            }
            List<StageProcess> started = new ArrayList<>();
            for (Future<StageProcess> launch : launches) {
                started.add(launch.get());
            }
            return started;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stage process did not start: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + List.of(stageNames), e);
        } finally {
            starting.shutdownNow();
        }
    }

    /** Writes a team-wide hook with trigger word {@code deploy} and the given callback URLs; returns it. */
    public OutgoingWebhook publishHook(String displayName, List<String> callbackUrls) {
        long now = System.currentTimeMillis();
        OutgoingWebhook hook = new OutgoingWebhook(Ids.newId(), Ids.newId(), now, now, 0, CREATOR, "", TEAM,
                List.of(LoadDriver.TRIGGER_WORD), OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH, callbackUrls,
                displayName, "fault test hook", ContentTypes.JSON, "", "", null);
        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            producer.send(new ProducerRecord<>(topics().webhookConfigs().name(), hook.id(),
                    Json.mapper().writeValueAsString(hook))).get();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot write hook: " + e.getMessage(), e);
        }
        return hook;
    }

    static KafkaProducer<String, String> producer(String bootstrapServers) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024),
                new StringSerializer(), new StringSerializer());
    }

    private void killAll() {
        synchronized (stages) {
            stages.forEach(StageProcess::kill);
        }
    }

    /** Stops every stage process this pipeline started (SIGTERM, in reverse order). */
    @Override
    public void close() {
        List<StageProcess> copy;
        synchronized (stages) {
            copy = new ArrayList<>(stages);
        }
        for (int i = copy.size() - 1; i >= 0; i--) {
            copy.get(i).close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway
        }
    }
}
