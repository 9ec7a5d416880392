package io.hookline.dispatcher;

import io.hookline.runtime.topic.TopicSettings;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.dispatcher.http.CallbackClient;
import io.hookline.dispatcher.http.CallbackTargets;
import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import io.hookline.localkafka.LocalKafka;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Deliveries per second, printed (not a timed test). Runs a local broker and JDK HttpServer endpoints on loopback:
 * <ol>
 *   <li>fast endpoint: the callback client alone (no Kafka) next to the whole dispatcher through Kafka;</li>
 *   <li>every endpoint answers after 100 ms: throughput against 0.8 x in-flight budget / 0.1 s;</li>
 *   <li>ten endpoints, one never answers in time: the nine others' throughput next to a run without the dead one.</li>
 * </ol>
 * Command: see dispatcher-worker/README.md.
 */
public final class DispatcherBenchmark {

    private static final JsonSerde<WebhookTrigger> TRIGGERS = JsonSerde.of(WebhookTrigger.class);
    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final int IN_FLIGHT = 256;
    private static final int PER_HOST = 64;
    /** Distinct record keys (hook and channel pairs); deliveries of one key go out one at a time. */
    private static final int KEYS = 5_000;

    private final LocalKafka kafka;
    private int run;

    private DispatcherBenchmark(LocalKafka kafka) {
        this.kafka = kafka;
    }

    public static void main(String[] args) throws Exception {
        // without it the JDK server's Nagle + delayed ACK cap it near 1.4k req/s (field notes)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("hookline-bench");
        try (LocalKafka kafka = LocalKafka.start(dir)) {
            DispatcherBenchmark b = new DispatcherBenchmark(kafka);
            b.createTopics();
            List<String> report = new ArrayList<>();

            List<HttpServer> fast = endpoints(10, 0, 8);
            b.throughKafka(fast, n / 2, -1, 10); // warm-up of the JIT and the broker, not reported
            double clientOnly = b.clientOnly(fast, n * 2);
            double throughKafka = b.throughKafka(fast, n, -1, 10).healthyPerSecond;
            report.add(String.format("fast endpoint: client alone %.0f/s, through Kafka %.0f/s = %.2f of the limit "
                    + "(target >= 0.5)", clientOnly, throughKafka, throughKafka / clientOnly));
            stop(fast);

            List<HttpServer> slow = endpoints(10, 100, 80);
            double slowClient = b.clientOnly(slow, n / 2);
            double slowRate = b.throughKafka(slow, n / 2, -1, 10).healthyPerSecond;
            double slowTarget = 0.8 * IN_FLIGHT / 0.1;
            report.add(String.format("100 ms endpoint: through Kafka %.0f/s with %d in flight = %.2f of "
                    + "0.8 x budget / 0.1 s = %.0f/s (target >= 1.0); client alone %.0f/s", slowRate, IN_FLIGHT,
                    slowRate / slowTarget, slowTarget, slowClient));
            stop(slow);

            List<HttpServer> ten = endpoints(9, 0, 8);
            ten.add(endpoint(30_000, 16)); // answers after 30 s; the request timeout is 2 s
            Result nine = b.throughKafka(ten.subList(0, 9), n * 9 / 10, -1, 2);
            Result withDead = b.throughKafka(ten, n, 9, 2);
            report.add(String.format("one of ten endpoints timing out: the nine others %.0f/s, without the dead one "
                    + "%.0f/s = %.1f %% lost (target <= 10 %%); dead endpoint: %d attempts timed out, %d shed",
                    withDead.healthyPerSecond, nine.healthyPerSecond,
                    100 * (1 - withDead.healthyPerSecond / nine.healthyPerSecond), withDead.deadCount,
                    withDead.shed));
            stop(ten);

            System.out.println();
            System.out.println("=== dispatcher benchmark (" + n + " deliveries per run, " + IN_FLIGHT
                    + " in flight, " + PER_HOST + " per host, " + KEYS + " keys, " + Runtime.getRuntime().availableProcessors()
                    + " cores, broker on the same machine) ===");
            report.forEach(System.out::println);
        }
    }

    /** The callback client hammering the endpoints directly, with the same in-flight budget. */
    private double clientOnly(List<HttpServer> endpoints, int n) throws Exception {
        CallbackClient client = new CallbackClient(CallbackClient.Options.of(Duration.ofSeconds(3),
                Duration.ofSeconds(30), IN_FLIGHT),
                new CallbackTargets(new AddressPolicy(AllowList.parse("127.0.0.1"), Set.of())), Clock.systemUTC());
        try {
            Semaphore budget = new Semaphore(IN_FLIGHT);
            AtomicInteger failures = new AtomicInteger();
            // warm up connections and the JIT
            send(client, endpoints, Math.min(n, 5_000), budget, failures);
            long t0 = System.nanoTime();
            send(client, endpoints, n, budget, failures);
            double rate = n / ((System.nanoTime() - t0) / 1e9);
            if (failures.get() > 0) {
                System.out.println("client alone: " + failures.get() + " failures");
            }
            return rate;
        } finally {
            client.close();
        }
    }

    private static void send(CallbackClient client, List<HttpServer> endpoints, int n, Semaphore budget,
                             AtomicInteger failures) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            budget.acquire();
            HttpServer ep = endpoints.get(i % endpoints.size());
            client.send(trigger(i, "http://127.0.0.1:" + ep.getAddress().getPort() + "/", 0)).whenComplete((r, e) -> {
                if (e != null || r.httpStatus() == null || r.httpStatus() != 200) {
                    failures.incrementAndGet();
                }
                budget.release();
            });
        }
        budget.acquire(IN_FLIGHT);
        budget.release(IN_FLIGHT);
    }

    private record Result(double healthyPerSecond, int deadCount, long shed) {
    }

    /**
     * Writes {@code n} triggers spread over the endpoints (and many keys), starts a dispatcher and reads outcomes
     * until every delivery to a healthy endpoint has one. The rate is measured from the first attempt to the last
     * healthy outcome, so the group join is not counted.
     */
    private static final int RUNS = 5;

    private static HooklineConfig config(String bootstrap, int run, int timeoutSeconds) {
        String prefix = "bench" + run;
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", bootstrap);
        values.put("hookline.application-id-prefix", prefix);
        for (String t : List.of("webhook-triggers", "webhook-responses", "dead-letters", "webhook-retries")) {
            values.put("hookline.topic." + t, prefix + "-" + t);
        }
        values.put("hookline.allowed-untrusted-internal-connections", "127.0.0.1");
        values.put("hookline.dispatcher.max-in-flight", Integer.toString(IN_FLIGHT));
        values.put("hookline.dispatcher.max-in-flight-per-host", Integer.toString(PER_HOST));
        values.put("hookline.outgoing-integration-requests-timeout", Integer.toString(timeoutSeconds));
        values.put("hookline.dispatcher.retry-delays", ""); // first attempts only: a retry would stretch the run
        values.put("hookline.dispatcher.shutdown-grace", "1s");
        return HooklineConfig.of(values);
    }

    /** Creates every run's topics before any load: a broker busy with a run was slow to lead new partitions. */
    private void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<NewTopic> create = new ArrayList<>();
            for (int r = 1; r <= RUNS; r++) {
                Topics topics = TopicSettings.topics(config(kafka.bootstrapServers(), r, 1));
                for (var t : List.of(topics.webhookTriggers(), topics.webhookResponses(), topics.deadLetters(),
                        topics.webhookRetries())) {
                    create.add(new NewTopic(t.name(), 6, (short) 1));
                }
            }
            admin.createTopics(create).all().get(60, TimeUnit.SECONDS);
            awaitLeaders(admin, create.stream().map(NewTopic::name).toList());
        }
    }

    private Result throughKafka(List<HttpServer> endpoints, int n, int deadIndex, int timeoutSeconds)
            throws Exception {
        run++;
        HooklineConfig config = config(kafka.bootstrapServers(), run, timeoutSeconds);
        Topics topics = TopicSettings.topics(config);
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 10))) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                HttpServer ep = endpoints.get(i % endpoints.size());
                WebhookTrigger t = trigger(i, "http://127.0.0.1:" + ep.getAddress().getPort() + "/", i % KEYS);
                sent.add(p.send(new ProducerRecord<>(topics.webhookTriggers().name(),
                        t.partitionKey().getBytes(StandardCharsets.UTF_8), TRIGGERS.toBytes(t))));
            }
            p.flush();
            for (var f : sent) {
                f.get(); // a lost trigger would make the run wait for an outcome that never comes
            }
        }
        int deadPort = deadIndex < 0 ? -1 : endpoints.get(deadIndex).getAddress().getPort();
        int healthyExpected = 0;
        for (int i = 0; i < n; i++) {
            if (i % endpoints.size() != deadIndex) {
                healthyExpected++;
            }
        }
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        long firstStart = Long.MAX_VALUE;
        long lastHealthy = 0;
        int healthy = 0;
        int dead = 0;
        int failedHealthy = 0;
        try (DispatcherService service = new DispatcherService(config, registry);
             KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                     ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                parts.add(new TopicPartition(topics.webhookResponses().name(), i));
            }
            reader.assign(parts);
            reader.seekToBeginning(parts);
            service.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (healthy < healthyExpected && System.nanoTime() < deadline) {
                for (var r : reader.poll(Duration.ofMillis(100))) {
                    DeliveryOutcome o = OUTCOMES.fromBytes(r.value());
                    firstStart = Math.min(firstStart, o.attempts().get(0).startedAt());
                    if (o.trigger().callbackUrl().contains(":" + deadPort + "/")) {
                        dead++;
                    } else {
                        healthy++;
                        failedHealthy += o.succeeded() ? 0 : 1;
                        lastHealthy = Math.max(lastHealthy, o.completedAt());
                    }
                }
            }
            if (healthy < healthyExpected) {
                System.out.println("run " + run + ": only " + healthy + " of " + healthyExpected + " delivered");
            }
            System.out.println("run " + run + ": " + healthy + " outcomes from healthy endpoints ("
                    + failedHealthy + " failed) in " + (lastHealthy - firstStart) + " ms");
        }
        double shed = registry.find("hookline.dispatcher.attempts").tag("reason", "host_saturated").counters()
                .stream().mapToDouble(c -> c.count()).sum();
        double timeouts = registry.find("hookline.dispatcher.attempts").tag("reason", "timeout").counters()
                .stream().mapToDouble(c -> c.count()).sum();
        return new Result(healthy / ((lastHealthy - firstStart) / 1000.0), (int) timeouts, (long) shed);
    }

    private static void awaitLeaders(Admin admin, List<String> names) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            boolean ready = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(pi -> pi.leader() != null
                            && !pi.leader().isEmpty()));
            if (ready) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("topics without leaders after 60 s: " + names);
    }

    private static WebhookTrigger trigger(int i, String url, int key) {
        return new WebhookTrigger("bench-" + i, "hook" + key, url, "application/json", List.of(), "Bench", "creator",
                "", "", "", TestTriggers.payload(), System.currentTimeMillis());
    }

    private static List<HttpServer> endpoints(int count, int delayMs, int threads) throws Exception {
        List<HttpServer> servers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            servers.add(endpoint(delayMs, threads));
        }
        return servers;
    }

    private static HttpServer endpoint(int delayMs, int threads) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
        byte[] answer = "{\"text\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        return server;
    }

    private static void stop(List<HttpServer> servers) {
        for (HttpServer s : servers) {
            s.stop(0);
            ((ExecutorService) s.getExecutor()).shutdownNow();
        }
    }
}
