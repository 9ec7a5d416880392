package io.hookline.integrationapi;

import io.hookline.integrationapi.api.IntegrationApi;
import io.hookline.integrationapi.http.ApiHttpServer;
import io.hookline.integrationapi.kafka.KafkaCommandWriter;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.http.HttpListener;
import io.hookline.runtime.http.ListenPort;
import io.hookline.runtime.secrets.IntegrationSecretStore;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.service.ServiceHealth;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integration API as a service: reads the shared signing key from {@code integration-secrets} (so any number of
 * API processes, dispatchers included, verify each other's trigger ids), then serves {@link IntegrationApi} on
 * {@code hookline.integration-api-address}:{@code hookline.integration-api-port} and writes {@code open_dialog}
 * commands to {@code post-commands}. It does not create topics.
 */
public final class IntegrationApiService implements HooklineService {

    public static final String NAME = "integration-api";

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationApiService.class);
    private static final Duration SECRETS_TIMEOUT = Duration.ofSeconds(60);
    /** A person waits for every dialog: a broker that cannot take a command within this fails the call. */
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final HooklineConfig config;
    private final MeterRegistry registry;
    private final Object lock = new Object();
    private boolean started;
    private boolean closed;
    private KafkaProducer<String, PostCommand> producer;
    private KafkaClientMetrics producerMetrics;
    private ApiHttpServer server;

    public IntegrationApiService(HooklineConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    public IntegrationApiService(HooklineConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (started) {
                throw new IllegalStateException("the integration API was already started");
            }
            started = true;
            ListenPort port = IntegrationApiSettings.port(config);
            String address = config.require(IntegrationApiSettings.ADDRESS).trim();
            Duration triggerIdLifetime = config.getPositiveDuration(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT);
            if (!port.enabled()) {
                throw new IllegalArgumentException("the integration API is off ("
                        + IntegrationApiSettings.PORT.name() + "=" + ListenPort.OFF + ")");
            }
            Topics topics = TopicSettings.topics(config);
            IntegrationSecrets secrets = IntegrationSecretStore.load(config, topics, SECRETS_TIMEOUT);
            Topic<String, PostCommand> commands = topics.postCommands();
            try {
                producer = new KafkaProducer<>(producerProperties(), commands.keySerde().serializer(),
                        commands.valueSerde().serializer());
                producerMetrics = new KafkaClientMetrics(producer);
                producerMetrics.bindTo(registry);
                IntegrationApi api = new IntegrationApi(new TriggerIds(secrets, triggerIdLifetime, Clock.systemUTC()),
                        secrets.publicKeyBase64(), new KafkaCommandWriter(producer, commands,
                        DELIVERY_TIMEOUT.plusSeconds(5)));
                server = ApiHttpServer.start(HttpListener.bind(address, IntegrationApiSettings.ADDRESS, port,
                        IntegrationApiSettings.PORT, "the integration API"), api, registry);
            } catch (RuntimeException e) {
                closeProducer();
                throw e;
            }
            LOG.info("integration API on {}: POST /api/v4/actions/dialogs/open, GET /api/v4/config/client; dialogs "
                    + "to {}", server.url(), commands.name());
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return started && !closed && server != null;
        }
    }

    @Override
    public ServiceHealth health() {
        synchronized (lock) {
            if (!isRunning()) {
                return ServiceHealth.down(closed ? "CLOSED" : "NOT_STARTED", Map.of());
            }
            return new ServiceHealth(true, true, "RUNNING", Map.of("http", "RUNNING"));
        }
    }

    /** {@code integration-api} to the API's URL once it runs. */
    @Override
    public Map<String, String> endpoints() {
        synchronized (lock) {
            return server == null ? Map.of() : Map.of(NAME, server.url());
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (server != null) {
                server.close();
            }
            closeProducer();
            if (started) {
                LOG.info("integration API stopped");
            }
        }
    }

    private void closeProducer() {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        if (producer != null) {
            producer.close(CLOSE_TIMEOUT);
        }
    }

    private Map<String, Object> producerProperties() {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        p.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DELIVERY_TIMEOUT.toMillis());
        p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.require(Settings.APPLICATION_ID_PREFIX)
                + "-integration-api");
        return p;
    }
}
