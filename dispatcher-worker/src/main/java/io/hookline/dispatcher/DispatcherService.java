package io.hookline.dispatcher;

import io.hookline.runtime.group.GroupMembership;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.dispatcher.delivery.DeliveryExecutor;
import io.hookline.dispatcher.delivery.DeliveryRecorder;
import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.hookline.dispatcher.hook.HookTable;
import io.hookline.dispatcher.http.CallbackClient;
import io.hookline.dispatcher.http.CallbackTargets;
import io.hookline.dispatcher.http.InteractionClient;
import io.hookline.dispatcher.interaction.InteractionExecutor;
import io.hookline.dispatcher.lane.InteractionLane;
import io.hookline.dispatcher.lane.Dispatch;
import io.hookline.dispatcher.lane.Lane;
import io.hookline.dispatcher.lane.LaneLimits;
import io.hookline.dispatcher.lane.RetryLane;
import io.hookline.dispatcher.lane.TriggerLane;
import io.hookline.dispatcher.delivery.DispatcherMetrics;
import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.VettingDns;
import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.IntegrationSecretStore;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.schemas.topic.Topics;
import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.service.ServiceHealth;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.SocketFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dispatcher stage: consumes {@code webhook-triggers}, POSTs each trigger to its callback URL and writes one
 * {@code DeliveryOutcome} per delivery to {@code webhook-responses}; retryable failures wait on
 * {@code webhook-retries}. It also calls integrations for the clicks, dialog submissions and lookups on
 * {@code interactions}, one call each on a budget and HTTP client of their own, and records each on
 * {@code webhook-responses} too. Plain Kafka consumers in group {@code <prefix>-dispatcher} (retries:
 * {@code <prefix>-dispatcher-retries}, interactions: {@code <prefix>-dispatcher-interactions}), so several processes
 * share the load. Each attempt takes the hook's token, signing secrets and liveness from its {@link HookTable}, a copy
 * of {@code webhook-configs} read to its end before the lanes start; trigger ids and action cookies use the
 * integration secrets, loaded (or made, the first time) before any lane starts. It does not create the pipeline's
 * topics.
 */
public final class DispatcherService implements HooklineService {

    private static final Logger LOG = LoggerFactory.getLogger(DispatcherService.class);

    /** How long a delivery of a hook not in the table waits for the table to reach the end of webhook-configs. */
    private static final Duration HOOK_CATCH_UP_WAIT = Duration.ofSeconds(10);
    private static final Duration HOOK_RESTORE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SECRETS_LOAD_TIMEOUT = Duration.ofSeconds(60);

    private final HooklineConfig config;
    private final MeterRegistry registry;
    private final VettingDns.Resolver resolver;
    private final SocketFactory socketFactory;
    private final Object lock = new Object();
    private boolean started;
    private boolean closed;
    private DispatcherTuning tuning;
    private CallbackClient client;
    private InteractionClient interactionClient;
    private KafkaProducer<byte[], byte[]> producer;
    private TriggerLane triggerLane;
    private RetryLane retryLane;
    private Thread triggerThread;
    private Thread retryThread;
    private InteractionLane interactionLane;
    private Thread interactionThread;
    private HookTable hookTable;
    private Thread hookThread;
    private KafkaConsumer<byte[], byte[]> triggerConsumer;
    private KafkaConsumer<byte[], byte[]> retryConsumer;
    private KafkaConsumer<byte[], byte[]> interactionConsumer;
    private final List<KafkaClientMetrics> clientMetrics = new ArrayList<>();

    public DispatcherService(HooklineConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    public DispatcherService(HooklineConfig config, MeterRegistry registry) {
        this(config, registry, okhttp3.Dns.SYSTEM::lookup, null);
    }

    /** For tests: an injected resolver and a socket factory that watches every connection. */
    DispatcherService(HooklineConfig config, MeterRegistry registry, VettingDns.Resolver resolver,
                      SocketFactory socketFactory) {
        this.config = config;
        this.registry = registry;
        this.resolver = resolver;
        this.socketFactory = socketFactory;
    }

    @Override
    public String name() {
        return "dispatcher";
    }

    /** The consumer group of the first-attempt lane. */
    public static String groupId(HooklineConfig config) {
        return config.require(Settings.APPLICATION_ID_PREFIX) + "-dispatcher";
    }

    /** The consumer group of the retry lane. */
    public static String retryGroupId(HooklineConfig config) {
        return groupId(config) + "-retries";
    }

    /** The consumer group of the interaction lane. */
    public static String interactionGroupId(HooklineConfig config) {
        return groupId(config) + "-interactions";
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("the dispatcher was already started");
            }
            started = true;
            tuning = DispatcherTuning.from(config);
            // Mattermost ignores such entries silently; a warning saves an admin a wrong guess
            tuning.allowList().ignored().forEach(e -> LOG.warn("{} entry '{}' {}",
                    DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), e.text(), e.reading()));
            Topics topics = TopicSettings.topics(config);
            DispatcherMetrics metrics = new DispatcherMetrics(registry);
            Clock clock = Clock.systemUTC();
            CallbackTargets targets = new CallbackTargets(AddressPolicy.withOwnAddresses(tuning.allowList()));
            client = new CallbackClient(
                    CallbackClient.Options.of(tuning.connectTimeout(), tuning.requestTimeout(),
                            tuning.maxInFlight() + tuning.retryMaxInFlight()).with(resolver, socketFactory)
                            .with(tuning.userAgent(), tuning.insecureTls()),
                    targets, clock);
            // Mattermost fixes the User-Agent integrations see; hookline.user-agent is for webhook callbacks only
            interactionClient = new InteractionClient(
                    CallbackClient.Options.of(tuning.connectTimeout(), tuning.requestTimeout(),
                            tuning.interactionMaxInFlight()).with(resolver, socketFactory)
                            .with(CallbackClient.MATTERMOST_USER_AGENT, tuning.insecureTls()),
                    targets, clock);
            try {
                // no click before the keys that sign its trigger id and open its cookie are known
                IntegrationSecrets secrets = IntegrationSecretStore.load(config, topics, SECRETS_LOAD_TIMEOUT);
                // no attempt against a partial table: the lanes start once webhook-configs is read to its end
                hookTable = new HookTable(new KafkaConsumer<>(hookTableProperties()), topics.webhookConfigs().name(),
                        HOOK_CATCH_UP_WAIT);
                hookTable.restore(HOOK_RESTORE_TIMEOUT);
                hookThread = thread(hookTable, "hookline-dispatcher-hooks");
                producer = new KafkaProducer<>(producerProperties());
                DeliveryRecorder recorder = new DeliveryRecorder(producer, topics);
                DeliveryExecutor executor = new DeliveryExecutor(client, hookTable, recorder, tuning.retrySchedule(),
                        metrics, clock, () -> ThreadLocalRandom.current().nextDouble());
                // webhook hosts get adaptive limits under their configured ceilings; interactions keep a fixed one
                DeliveryScheduler first = new DeliveryScheduler(tuning.maxInFlight(), DeliveryScheduler.PerHost.adaptive(
                        tuning.maxInFlightPerHost(), tuning.hostMaxWait()), System::nanoTime);
                DeliveryScheduler retry = new DeliveryScheduler(tuning.retryMaxInFlight(), DeliveryScheduler.PerHost
                        .adaptive(tuning.retryMaxInFlightPerHost(), tuning.hostMaxWait()), System::nanoTime);
                first.watchHosts(metrics.hostLimits("first"));
                retry.watchHosts(metrics.hostLimits("retry"));
                triggerConsumer = new KafkaConsumer<>(consumerProperties(groupId(config), "triggers"));
                retryConsumer = new KafkaConsumer<>(consumerProperties(retryGroupId(config), "retries"));
                Dispatch dispatch = new Dispatch(executor, recorder, targets, metrics);
                LaneLimits limits = new LaneLimits(tuning.maxPending(), tuning.maxQueuedPerHost(),
                        tuning.hostMaxWait(), tuning.shutdownGrace());
                triggerLane = new TriggerLane(triggerConsumer, topics.webhookTriggers(), first, dispatch, limits);
                retryLane = new RetryLane(retryConsumer, topics.webhookRetries(), retry, dispatch, limits, clock);
                DeliveryScheduler interactions = new DeliveryScheduler(tuning.interactionMaxInFlight(),
                        tuning.interactionMaxInFlightPerHost());
                interactionConsumer = new KafkaConsumer<>(consumerProperties(interactionGroupId(config),
                        "interactions"));
                InteractionExecutor interactionExecutor = new InteractionExecutor(interactionClient,
                        new InteractionExecutor.Secrets(new TriggerIds(secrets, tuning.requestTimeout(), clock),
                                new ActionCookies(secrets)), recorder, metrics, clock);
                interactionLane = new InteractionLane(interactionConsumer, topics.interactions(), interactions,
                        dispatch, limits, interactionExecutor);
                metrics.inFlight("first", first::inFlight);
                metrics.inFlight("retry", retry::inFlight);
                metrics.inFlight("interaction", interactions::inFlight);
                metrics.hostWaiting("first", first::waiting);
                metrics.hostWaiting("retry", retry::waiting);
                TriggerLane firstLane = triggerLane;
                metrics.heldPartitions("first", firstLane::heldBackPartitions);
                RetryLane lane = retryLane;
                metrics.retryBacklog(lane::backlog);
                HookTable table = hookTable;
                metrics.hooks(table::size);
                // the clients' own metrics (fetch lag, request rates, ...) next to ours, for the same scrape
                for (AutoCloseable c : List.of(producer, triggerConsumer, retryConsumer, interactionConsumer)) {
                    KafkaClientMetrics bound = c instanceof KafkaProducer<?, ?> p ? new KafkaClientMetrics(p)
                            : new KafkaClientMetrics((KafkaConsumer<?, ?>) c);
                    bound.bindTo(registry);
                    clientMetrics.add(bound);
                }
            } catch (RuntimeException e) {
                closeClients();
                throw e;
            }
            triggerThread = thread(triggerLane, "hookline-dispatcher-triggers");
            retryThread = thread(retryLane, "hookline-dispatcher-retries");
            interactionThread = thread(interactionLane, "hookline-dispatcher-interactions");
            LOG.info("dispatcher started: group {}, {} first attempts ({} per host), {} retries and {} interaction "
                    + "calls ({} per host) in flight at most", groupId(config), tuning.maxInFlight(),
                    tuning.maxInFlightPerHost(), tuning.retryMaxInFlight(), tuning.interactionMaxInFlight(),
                    tuning.interactionMaxInFlightPerHost());
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return started && !closed && alive(triggerThread, triggerLane) && alive(retryThread, retryLane)
                    && alive(interactionThread, interactionLane)
                    && hookThread != null && hookThread.isAlive() && hookTable.failure() == null;
        }
    }

    /**
     * Live while the three consumer loops run; ready once each consumer has also joined its group (finished a
     * rebalance), so it owns its share of the partitions, even if that share is empty because there are more workers
     * than partitions.
     */
    @Override
    public ServiceHealth health() {
        synchronized (lock) {
            if (!started || closed) {
                return ServiceHealth.down(closed ? "CLOSED" : "NOT_STARTED", Map.of());
            }
            Map<String, String> lanes = new LinkedHashMap<>();
            lanes.put("triggers", laneState(triggerThread, triggerLane, triggerConsumer));
            lanes.put("retries", laneState(retryThread, retryLane, retryConsumer));
            lanes.put("interactions", laneState(interactionThread, interactionLane, interactionConsumer));
            lanes.put("hooks", hookTable == null || hookTable.failure() != null ? "FAILED"
                    : hookThread != null && hookThread.isAlive() ? "RUNNING" : "STOPPED");
            boolean live = lanes.values().stream().noneMatch(s -> s.equals("FAILED") || s.equals("STOPPED"));
            boolean ready = lanes.values().stream().allMatch("RUNNING"::equals);
            return new ServiceHealth(live, ready, ready ? "RUNNING" : live ? "JOINING" : "DOWN", lanes);
        }
    }

    private static String laneState(Thread thread, Lane lane, KafkaConsumer<?, ?> consumer) {
        if (lane == null || lane.failure() != null) {
            return "FAILED";
        }
        if (thread == null || !thread.isAlive()) {
            return "STOPPED";
        }
        // consumer.metrics() is safe from any thread (it only reads the metrics registry); -1 until the first rebalance
        for (Map.Entry<org.apache.kafka.common.MetricName, ? extends Metric> m : consumer.metrics().entrySet()) {
            if (m.getKey().name().equals("last-rebalance-seconds-ago")
                    && m.getKey().group().endsWith("coordinator-metrics")
                    && m.getValue().metricValue() instanceof Double seconds && seconds >= 0) {
                return "RUNNING";
            }
        }
        return "JOINING";
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed || !started) {
                closed = true;
                return;
            }
            closed = true;
            if (triggerLane != null) {
                triggerLane.stop();
            }
            if (retryLane != null) {
                retryLane.stop();
            }
            if (interactionLane != null) {
                interactionLane.stop();
            }
            join(triggerThread);
            join(retryThread);
            join(interactionThread);
            if (hookTable != null) {
                hookTable.stop();
            }
            join(hookThread);
            closeClients();
            LOG.info("dispatcher stopped");
        }
    }

    private void closeClients() {
        clientMetrics.forEach(KafkaClientMetrics::close);
        clientMetrics.clear();
        if (producer != null) {
            producer.close();
        }
        if (client != null) {
            client.close();
        }
        if (interactionClient != null) {
            interactionClient.close();
        }
    }

    Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // An outcome becomes the reply, so it waits 2 ms for company, not Kafka's 5: at chat rates each millisecond
        // of linger is a millisecond of reply (10 ms cost 10 ms of p50), while a saturated dispatcher sends fuller
        // batches with a longer one (up to 13 % more deliveries/s at 10 ms in the bench). An operator's linger.ms wins.
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 2);
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, groupId(config) + "-producer");
        return p;
    }

    private Map<String, Object> consumerProperties(String groupId, String lane) {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // The matcher writes triggers in transactions: a trigger of an aborted transaction must never be called.
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        // a killed dispatcher's partitions go to the others within seconds
        GroupMembership.apply(config, p);
        return p;
    }

    /**
     * Every dispatcher needs every hook, so the table reads all partitions without a group (nothing to share, nothing
     * to commit: it reads from the beginning at each start).
     */
    private Map<String, Object> hookTableProperties() {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, groupId(config) + "-hooks");
        return p;
    }

    private static Thread thread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.start();
        return t;
    }

    private static boolean alive(Thread t, Lane lane) {
        return t != null && t.isAlive() && lane.failure() == null;
    }

    private void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(tuning.shutdownGrace().toMillis() + 15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
