package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dispatcher on a real broker with a real HTTP callback server. */
@ExtendWith(KafkaBrokerExtension.class)
class DispatcherServiceTest {

    private static final JsonSerde<WebhookTrigger> TRIGGERS = JsonSerde.of(WebhookTrigger.class);
    private static final io.hookline.schemas.serde.JsonSchemas SCHEMAS =
            new io.hookline.schemas.serde.JsonSchemas();
    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "twenty-four-random-bytes".getBytes(StandardCharsets.US_ASCII));

    private KafkaBroker broker;
    private MockWebServer server;
    private HooklineConfig config;
    private Topics topics;
    private final List<DispatcherService> services = new ArrayList<>();
    private final Map<String, OutgoingWebhook> hooks = new LinkedHashMap<>();

    @BeforeEach
    void setUp(KafkaBroker broker) throws Exception {
        this.broker = broker;
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        config = DispatcherOnBroker.config(broker, Map.of("hookline.dispatcher.retry-jitter", "0",
                "hookline.dispatcher.shutdown-grace", "2s"));
        topics = DispatcherOnBroker.createTopics(broker, config);
    }

    @AfterEach
    void tearDown() {
        services.forEach(DispatcherService::close);
        server.close();
    }

    private DispatcherService start(HooklineConfig c, SimpleMeterRegistry registry) {
        DispatcherService s = new DispatcherService(c, registry);
        services.add(s);
        s.start();
        assertThat(s.name()).isEqualTo("dispatcher");
        return s;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    /**
     * A trigger of hook {@code hookName}, which (with the next {@link #produce}) calls {@code url} with this content
     * type and these secrets in webhook-configs, besides the URLs it already had.
     */
    private WebhookTrigger trigger(String deliveryName, String hookName, String url, String contentType,
                                   List<String> secrets) {
        OutgoingWebhook known = hooks.get(hookName);
        List<String> urls = new ArrayList<>(known == null ? List.of() : known.callbackUrls());
        if (!urls.contains(url)) {
            urls.add(url);
        }
        hooks.put(hookName, TestTriggers.hook(hookName, contentType, secrets, urls));
        return TestTriggers.trigger(deliveryName, hookName, url, contentType);
    }

    private ProducerRecord<byte[], byte[]> configRecord(String hookId, OutgoingWebhook hook) {
        return new ProducerRecord<>(topics.webhookConfigs().name(), hookId.getBytes(StandardCharsets.UTF_8),
                hook == null ? null : HOOKS.toBytes(hook));
    }

    /** Writes one hook record: a change an admin makes while the dispatcher runs. */
    private void produceConfig(OutgoingWebhook hook) throws Exception {
        send(List.of(configRecord(hook.id(), hook)));
    }

    /** Writes the hooks of the triggers made so far, then {@code records}. */
    private void produce(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        List<ProducerRecord<byte[], byte[]>> all = new ArrayList<>();
        hooks.values().forEach(h -> all.add(configRecord(h.id(), h)));
        all.addAll(records);
        send(all);
    }

    private void send(List<ProducerRecord<byte[], byte[]>> all) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (var r : all) {
                p.send(r).get(20, TimeUnit.SECONDS);
            }
        }
    }

    private ProducerRecord<byte[], byte[]> triggerRecord(WebhookTrigger t) {
        return new ProducerRecord<>(topics.webhookTriggers().name(),
                t.partitionKey().getBytes(StandardCharsets.UTF_8), TRIGGERS.toBytes(t));
    }

    @Test
    void deliversWritesOutcomesAndDeadLettersOnlyPoison() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return request.getUrl().encodedPath().equals("/gone") ? new MockResponse.Builder().code(410).build()
                        : new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                                .body("{\"text\":\"pong\"}").build();
            }
        });
        WebhookTrigger ok = trigger("d-ok", "hook1", url("/ok"), "application/json", List.of(SECRET));
        WebhookTrigger gone = trigger("d-gone", "hook2", url("/gone"), "application/json", List.of());
        produce(List.of(
                triggerRecord(ok),
                new ProducerRecord<>(topics.webhookTriggers().name(), "k".getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8)),
                triggerRecord(gone)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        start(config, registry);

        List<DeliveryOutcome> outcomes;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            List<ConsumerRecord<byte[], byte[]>> raw = reader.readAtLeast(2, Duration.ofSeconds(60));
            for (var r : raw) {
                // the bytes on the topic, as the ingestor reads them, against the published contract
                assertThat(SCHEMAS.problems("delivery-outcome", Json.mapper().readTree(r.value()))).isEmpty();
            }
            outcomes = raw.stream().map(r -> OUTCOMES.fromBytes(r.value())).toList();
        }
        assertThat(outcomes).hasSize(2);
        DeliveryOutcome success = outcomes.stream().filter(o -> o.deliveryId().equals(TestTriggers.id("d-ok")))
                .findFirst().get();
        assertThat(success.succeeded()).isTrue();
        assertThat(success.httpStatus()).isEqualTo(200);
        assertThat(success.responseBody()).isEqualTo("{\"text\":\"pong\"}");
        assertThat(success.responseContentType()).isEqualTo("application/json");
        assertThat(success.attempts()).hasSize(1);
        assertThat(success.trigger().payload().token()).isEmpty();
        assertThat(success.trigger().callbackUrl()).isEqualTo(url("/ok"));

        DeliveryOutcome failed = outcomes.stream().filter(o -> o.deliveryId().equals(TestTriggers.id("d-gone")))
                .findFirst().get();
        assertThat(failed.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(failed.httpStatus()).isEqualTo(410);
        assertThat(failed.error()).isEqualTo("HTTP 410");
        assertThat(failed.attempts()).hasSize(1);

        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest okRequest = first.getUrl().encodedPath().equals("/ok") ? first : second;
        JsonNode body = Json.mapper().readTree(okRequest.getBody().toByteArray());
        assertThat(body.get("token").asText()).isEqualTo(TestTriggers.TOKEN);
        assertThat(body.get("team_id").asText()).isEqualTo("teamid");
        assertThat(body.get("team_domain").asText()).isEqualTo("engineering");
        assertThat(body.get("channel_id").asText()).isEqualTo("channelid");
        assertThat(body.get("channel_name").asText()).isEqualTo("town-square");
        assertThat(body.get("timestamp").asLong()).isEqualTo(1764150000123L);
        assertThat(body.get("user_id").asText()).isEqualTo("userid");
        assertThat(body.get("user_name").asText()).isEqualTo("alice");
        assertThat(body.get("post_id").asText()).isEqualTo("postid");
        assertThat(body.get("text").asText()).isEqualTo("bug login fails & more");
        assertThat(body.get("trigger_word").asText()).isEqualTo("bug");
        assertThat(body.get("file_ids").asText()).isEqualTo("f1,f2");
        assertThat(okRequest.getHeaders().get("webhook-id")).isEqualTo(TestTriggers.id("d-ok"));
        assertThat(okRequest.getHeaders().get("webhook-signature")).startsWith("v1,");
        assertThat(okRequest.getHeaders().get("User-Agent")).isEqualTo("Mattermost-Bot/1.1");

        // the poison record is the only dead letter: the failed delivery is its outcome above, nothing more
        List<ConsumerRecord<byte[], byte[]>> letters;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(), topics.deadLetters().name())) {
            letters = reader.readAtLeast(1, Duration.ofSeconds(30));
        }
        assertThat(letters).hasSize(1);
        ConsumerRecord<byte[], byte[]> poison = letters.get(0);
        assertThat(new String(poison.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        DeadLetter poisonInfo = DeadLetter.from(poison.headers());
        assertThat(poisonInfo.stage()).isEqualTo("dispatcher");
        assertThat(poisonInfo.topic()).isEqualTo(topics.webhookTriggers().name());
        assertThat(poisonInfo.reason()).contains("unreadable trigger");
        assertThat(new String(poison.key(), StandardCharsets.UTF_8)).isEqualTo("k");

        assertThat(registry.get("hookline.dispatcher.attempts").tag("verdict", "succeeded").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("hookline.dispatcher.outcomes").tag("status", "failed").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("hookline.dispatcher.attempt.latency").timer().count()).isEqualTo(2);
        assertThat(registry.get("hookline.dispatcher.dead.letters").tag("lane", "first").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void aTriggerOfAnAbortedTransactionIsNeverDelivered() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body("{}").build();
            }
        });
        // one key, so both land on one partition and the aborted record lies before the committed one: once the
        // committed one has its outcome, the dispatcher has read past the aborted one
        WebhookTrigger aborted = trigger("d-aborted", "hook1", url("/aborted"), "application/json",
                List.of());
        WebhookTrigger committed = trigger("d-committed", "hook1", url("/committed"), "application/json",
                List.of());
        produce(List.of()); // their hook
        try (KafkaProducer<byte[], byte[]> matcher = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, broker.uniqueName("matcher-tx"),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            matcher.initTransactions();
            matcher.beginTransaction();
            matcher.send(triggerRecord(aborted)).get(20, TimeUnit.SECONDS);
            matcher.abortTransaction();
            matcher.beginTransaction();
            matcher.send(triggerRecord(committed)).get(20, TimeUnit.SECONDS);
            matcher.commitTransaction();
        }
        start(config, new SimpleMeterRegistry());

        List<DeliveryOutcome> outcomes;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            outcomes = reader.readAtLeast(1, Duration.ofSeconds(60)).stream()
                    .map(r -> OUTCOMES.fromBytes(r.value())).toList();
        }
        assertThat(outcomes).extracting(DeliveryOutcome::deliveryId).containsExactly(TestTriggers.id("d-committed"));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/committed");
    }

    @Test
    void aPendingRetrySurvivesAWorkerRestartAndGivesUpWithTheWholeHistory() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).body("down for a moment").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"text\":\"late\"}").build());
        HooklineConfig c = config.with("hookline.dispatcher.retry-delays", "3s");
        WebhookTrigger t = trigger("d-retry", "hook1", url("/flaky"), "application/json",
                List.of(SECRET));
        produce(List.of(triggerRecord(t)));
        DispatcherService first = start(c, new SimpleMeterRegistry());
        try (OutputTopicReader retries = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookRetries().name())) {
            List<ConsumerRecord<byte[], byte[]>> scheduled = retries.readAtLeast(1, Duration.ofSeconds(60));
            assertThat(scheduled).hasSize(1);
            assertThat(SCHEMAS.problems("scheduled-retry", Json.mapper().readTree(scheduled.get(0).value())))
                    .isEmpty();
            ScheduledRetry retry = JsonSerde.of(ScheduledRetry.class).fromBytes(scheduled.get(0).value());
            assertThat(retry.attempts()).hasSize(1);
            assertThat(retry.attempts().get(0).httpStatus()).isEqualTo(503);
            assertThat(new String(scheduled.get(0).value(), StandardCharsets.UTF_8))
                    .doesNotContain(TestTriggers.TOKEN).doesNotContain("whsec_");
        }
        // the worker stops before the retry is due: only Kafka remembers it
        first.close();
        assertThat(first.isRunning()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(1);

        DispatcherService second = start(c, new SimpleMeterRegistry());
        assertThat(second.isRunning()).isTrue();
        DeliveryOutcome outcome;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            outcome = OUTCOMES.fromBytes(reader.readAtLeast(1, Duration.ofSeconds(60)).get(0).value());
        }
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.attempts()).hasSize(2);
        assertThat(outcome.attempts().get(0).httpStatus()).isEqualTo(503);
        assertThat(outcome.attempts().get(0).bodyExcerpt()).isEqualTo("down for a moment");
        assertThat(outcome.attempts().get(1).httpStatus()).isEqualTo(200);
        assertThat(outcome.attempts().get(1).startedAt() - outcome.attempts().get(0).startedAt())
                .isGreaterThanOrEqualTo(3000);
        RecordedRequest a1 = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest a2 = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(a1.getHeaders().get("webhook-id")).isEqualTo(TestTriggers.id("d-retry"))
                .isEqualTo(a2.getHeaders().get("webhook-id"));

        // exhausted: every attempt fails, the failed outcome carries the whole history
        server.enqueue(new MockResponse.Builder().code(500).body("e1").build());
        server.enqueue(new MockResponse.Builder().code(502).body("e2").build());
        server.enqueue(new MockResponse.Builder().code(503).body("e3").build());
        second.close();
        HooklineConfig quick = c.with("hookline.dispatcher.retry-delays", "100ms,200ms");
        start(quick, new SimpleMeterRegistry());
        produce(List.of(triggerRecord(trigger("d-dead", "hook9", url("/dead"), "application/json",
                List.of()))));
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            DeliveryOutcome dead = reader.readUntil(rs -> rs.stream().anyMatch(r -> OUTCOMES.fromBytes(r.value())
                            .deliveryId().equals(TestTriggers.id("d-dead"))), Duration.ofSeconds(60),
                            "the outcome of d-dead").stream()
                    .map(r -> OUTCOMES.fromBytes(r.value()))
                    .filter(o -> o.deliveryId().equals(TestTriggers.id("d-dead")))
                    .findFirst().orElseThrow();
            assertThat(dead.status()).isEqualTo(DeliveryOutcome.FAILED);
            assertThat(dead.error()).startsWith("gave up after 3 attempts: HTTP 503");
            assertThat(dead.attempts()).extracting(a -> a.httpStatus()).containsExactly(500, 502, 503);
            assertThat(dead.attempts()).extracting(a -> a.bodyExcerpt()).containsExactly("e1", "e2", "e3");
        }
    }

    @Test
    void twoWorkersInOneGroupShareTheLoad() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(200).body("{}").build();
            }
        });
        SimpleMeterRegistry r1 = new SimpleMeterRegistry();
        SimpleMeterRegistry r2 = new SimpleMeterRegistry();
        start(config, r1);
        start(config, r2);
        awaitGroupOfTwo(DispatcherService.groupId(config));
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            records.add(triggerRecord(trigger("d" + i, "hook" + i, url("/h" + i), "application/json",
                    List.of())));
        }
        produce(records);
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            var outcomes = reader.readAtLeast(40, Duration.ofSeconds(60)).stream()
                    .map(r -> OUTCOMES.fromBytes(r.value())).toList();
            assertThat(outcomes).extracting(DeliveryOutcome::deliveryId).doesNotHaveDuplicates().hasSize(40);
        }
        double n1 = r1.get("hookline.dispatcher.attempts").counter().count();
        double n2 = r2.get("hookline.dispatcher.attempts").counter().count();
        assertThat(n1).isGreaterThan(0);
        assertThat(n2).isGreaterThan(0);
        assertThat(n1 + n2).isEqualTo(40);
    }

    private void awaitGroupOfTwo(String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Await.value(() -> describe(admin, group), d -> d.members().size() == 2 && d.members().stream()
                            .allMatch(m -> !m.assignment().topicPartitions().isEmpty()), Duration.ofSeconds(60),
                    "the two workers to form one group with partitions each");
        }
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(List.of(group)).all().get(10, TimeUnit.SECONDS).get(group);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe group " + group, e);
        }
    }

    @Test
    void sameKeyDeliveriesGoOutInOrderAndInternalTargetsAreRefused() throws Exception {
        java.util.concurrent.atomic.AtomicInteger concurrent = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxConcurrent = new java.util.concurrent.atomic.AtomicInteger();
        List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                order.add(request.getHeaders().get("webhook-id"));
                Thread.sleep(30);
                concurrent.decrementAndGet();
                return new MockResponse.Builder().code(200).body("{}").build();
            }
        });
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        io.hookline.dispatcher.http.WatchingSocketFactory sockets =
                new io.hookline.dispatcher.http.WatchingSocketFactory(List.of(metadata));
        DispatcherService service = new DispatcherService(config, new SimpleMeterRegistry(),
                host -> host.equals("internal.test") ? List.of(metadata) : List.of(InetAddress.getByName(host)),
                sockets);
        services.add(service);
        service.start();

        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // one hook and channel: one key, so one partition and strict order
            records.add(triggerRecord(trigger("ordered-" + i, "hookA", url("/o"), "application/json",
                    List.of(SECRET))));
            expected.add(TestTriggers.id("ordered-" + i));
        }
        records.add(triggerRecord(trigger("internal", "hookB",
                "http://internal.test:" + server.getPort() + "/", "application/json", List.of())));
        produce(records);

        List<DeliveryOutcome> outcomes;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            outcomes = reader.readAtLeast(13, Duration.ofSeconds(60)).stream()
                    .map(r -> OUTCOMES.fromBytes(r.value())).toList();
        }
        assertThat(order).containsExactlyElementsOf(expected);
        assertThat(maxConcurrent.get()).isEqualTo(1);
        assertThat(outcomes.stream().map(DeliveryOutcome::deliveryId).filter(expected::contains))
                .containsExactlyElementsOf(expected);
        DeliveryOutcome refused = outcomes.stream()
                .filter(o -> o.deliveryId().equals(TestTriggers.id("internal"))).findFirst()
                .orElseThrow();
        assertThat(refused.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(refused.error()).isEqualTo("address forbidden, you may need to set "
                + "hookline.allowed-untrusted-internal-connections to allow an integration access to your internal "
                + "network");
        assertThat(refused.attempts()).hasSize(1);
        assertThat(refused.attempts().get(0).httpStatus()).isNull();
        assertThat(sockets.violations).isEmpty();
        assertThat(sockets.connects).doesNotContain(metadata);
    }

    @Test
    void aHealthyHostWithAFullQueueHoldsItsPartitionsBackAndEveryDeliveryIsMadeOnce() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Thread.sleep(150); // slow enough that the later triggers arrive while the queue is full
                return new MockResponse.Builder().code(200).body("{}").build();
            }
        });
        HooklineConfig c = config.with("hookline.dispatcher.max-in-flight-per-host", "1")
                .with("hookline.dispatcher.max-queued-per-host", "1")
                .with("hookline.dispatcher.retry-delays", "");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(triggerRecord(trigger("busy-" + i, "busyhook" + i, url("/busy"), "application/json",
                    List.of())));
        }
        produce(records);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        start(c, registry);
        List<DeliveryOutcome> outcomes;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            outcomes = reader.readAtLeast(6, Duration.ofSeconds(60)).stream()
                    .map(r -> OUTCOMES.fromBytes(r.value())).toList();
        }
        // one in flight and one queued at a time: the others waited in Kafka, none was set aside or lost an attempt
        assertThat(outcomes).hasSize(6).allSatisfy(o -> {
            assertThat(o.succeeded()).isTrue();
            assertThat(o.attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isEqualTo(200));
        });
        assertThat(outcomes).extracting(DeliveryOutcome::deliveryId).doesNotHaveDuplicates();
        assertThat(server.getRequestCount()).isEqualTo(6);
        assertThat(registry.find("hookline.dispatcher.set.aside").counters()).allSatisfy(k ->
                assertThat(k.count()).isZero());
        assertThat(registry.get("hookline.dispatcher.host.limit").tags("lane", "first",
                "host", "127.0.0.1:" + server.getPort()).gauge().value()).isEqualTo(1);
    }

    @Test
    void aHostThatStoppedAnsweringHasItsSurplusSetAsideWithoutUsingAnAttempt() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                Thread.sleep(5000); // never within the 2 s timeout
                return new MockResponse.Builder().code(200).body("{}").build();
            }
        });
        HooklineConfig c = config.with("hookline.dispatcher.max-in-flight-per-host", "1")
                .with("hookline.dispatcher.max-queued-per-host", "1")
                .with("hookline.dispatcher.host-max-wait", "1s")
                .with("hookline.dispatcher.retry-delays", "")
                .with("hookline.outgoing-integration-requests-timeout", "2");
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        // ten: however the first polls split them, more than one in flight and one queued arrive within a timeout
        for (int i = 0; i < 10; i++) {
            records.add(triggerRecord(trigger("dead-" + i, "deadhook" + i, url("/dead"), "application/json",
                    List.of())));
        }
        produce(records);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        start(c, registry);
        List<DeliveryOutcome> outcomes;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            outcomes = reader.readAtLeast(10, Duration.ofSeconds(90)).stream()
                    .map(r -> OUTCOMES.fromBytes(r.value())).toList();
        }
        // no retries are configured: a delivery set aside still gets its one real attempt, made later
        assertThat(outcomes).hasSize(10).allSatisfy(o -> {
            assertThat(o.succeeded()).isFalse();
            assertThat(o.attempts()).singleElement().satisfies(a -> {
                assertThat(a.httpStatus()).isNull();
                assertThat(a.error()).doesNotContain("not attempted");
            });
        });
        int counted = (int) registry.get("hookline.dispatcher.set.aside").tag("lane", "first").counter().count();
        assertThat(counted).isPositive();
        List<ConsumerRecord<byte[], byte[]>> setAside;
        try (OutputTopicReader retries = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookRetries().name())) {
            setAside = retries.readAtLeast(counted, Duration.ofSeconds(10));
        }
        // retries are off, so every record there is a delivery set aside: valid, and without an attempt
        assertThat(setAside).hasSize(counted);
        for (ConsumerRecord<byte[], byte[]> r : setAside) {
            assertThat(SCHEMAS.problems("scheduled-retry", Json.mapper().readTree(r.value()))).isEmpty();
            assertThat(JsonSerde.of(ScheduledRetry.class).fromBytes(r.value()).attempts()).isEmpty();
        }
        assertThat(server.getRequestCount()).isEqualTo(10);
    }

    /** Waits until the delivery's first attempt failed and its retry is scheduled on webhook-retries. */
    private ConsumerRecord<byte[], byte[]> scheduledRetry() {
        try (OutputTopicReader retries = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookRetries().name())) {
            return retries.readAtLeast(1, Duration.ofSeconds(60)).get(0);
        }
    }

    private DeliveryOutcome outcomeOf(String deliveryName) {
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            ConsumerRecord<byte[], byte[]> r = reader.readAtLeast(1, Duration.ofSeconds(60)).get(0);
            assertThat(SCHEMAS.problems("delivery-outcome", Json.mapper().readTree(r.value()))).isEmpty();
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(TestTriggers.TOKEN)
                    .doesNotContain("whsec_");
            DeliveryOutcome outcome = OUTCOMES.fromBytes(r.value());
            assertThat(outcome.deliveryId()).isEqualTo(TestTriggers.id(deliveryName));
            return outcome;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRetryAfterTheTokenAndTheSecretChangedCarriesTheNewOnes() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        String oldSecret = SECRET;
        String newSecret = "whsec_" + Base64.getEncoder().encodeToString(
                "a-brand-new-secret-of-32-bytes!!".getBytes(StandardCharsets.US_ASCII));
        WebhookTrigger t = trigger("d-regen", "hook1", url("/regen"), "application/json", List.of(oldSecret));
        produce(List.of(triggerRecord(t)));
        start(config.with("hookline.dispatcher.retry-delays", "5s"), new SimpleMeterRegistry());
        ConsumerRecord<byte[], byte[]> retry = scheduledRetry();
        assertThat(new String(retry.value(), StandardCharsets.UTF_8)).doesNotContain(TestTriggers.TOKEN)
                .doesNotContain("whsec_");

        // hooks regen-token, then hooks rotate-secret without a grace period, while the retry waits
        String newToken = TestTriggers.id("regenerated-token");
        OutgoingWebhook regenerated = hooks.get("hook1").withToken(newToken).withSigningSecrets(newSecret, null, 0);
        produceConfig(regenerated);

        DeliveryOutcome outcome = outcomeOf("d-regen");
        assertThat(outcome.succeeded()).isTrue();
        RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
        RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(Json.mapper().readTree(first.getBody().toByteArray()).get("token").asText())
                .isEqualTo(TestTriggers.TOKEN);
        byte[] body = second.getBody().toByteArray();
        assertThat(Json.mapper().readTree(body).get("token").asText()).isEqualTo(newToken);
        String id = second.getHeaders().get("webhook-id");
        long ts = Long.parseLong(second.getHeaders().get("webhook-timestamp"));
        String signature = second.getHeaders().get("webhook-signature");
        assertThat(signature.split(" ")).hasSize(1);
        assertThat(TestTriggers.signedWith(newSecret, id, ts, body, signature)).isTrue();
        assertThat(TestTriggers.signedWith(oldSecret, id, ts, body, signature)).isFalse();
    }

    @Test
    void aHookDeletedWhileItsDeliveryWaitsForARetryFailsItWithoutAnotherRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().code(503).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"text\":\"too late\"}").build());
        WebhookTrigger t = trigger("d-deleted", "hook1", url("/deleted"), "application/json", List.of(SECRET));
        produce(List.of(triggerRecord(t)));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        start(config.with("hookline.dispatcher.retry-delays", "5s"), registry);
        scheduledRetry();

        produceConfig(hooks.get("hook1").withDeleteAt(1764150009999L));

        DeliveryOutcome outcome = outcomeOf("d-deleted");
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(outcome.error()).isEqualTo("hook " + TestTriggers.id("hook1") + " was deleted");
        assertThat(outcome.hookGone()).isTrue();
        assertThat(outcome.attempts()).extracting(a -> a.httpStatus()).containsExactly(503);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(registry.get("hookline.dispatcher.outcomes").tag("reason", "hook_gone").counter().count())
                .isEqualTo(1.0);
        assertThat(registry.get("hookline.dispatcher.hooks").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void aTriggerOfAHookThatNeverExistedFailsAsGoneWithoutARequest() throws Exception {
        start(config, new SimpleMeterRegistry());
        WebhookTrigger t = TestTriggers.trigger("d-unknown", "never-created", url("/unknown"), "application/json");
        produce(List.of(triggerRecord(t)));
        DeliveryOutcome outcome = outcomeOf("d-unknown");
        assertThat(outcome.error()).isEqualTo("hook " + TestTriggers.id("never-created")
                + " is not in webhook-configs (deleted, or never created)");
        assertThat(outcome.hookGone()).isTrue();
        assertThat(outcome.attempts()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }
}
