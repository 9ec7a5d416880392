package io.hookline.dispatcher;

import static io.hookline.dispatcher.interaction.Clicks.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.http.WatchingSocketFactory;
import io.hookline.dispatcher.ssrf.ForbiddenAddressException;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.secrets.ActionCookies;
import io.hookline.runtime.secrets.IntegrationSecretStore;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.interaction.ActionIntegration;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The interaction lane on a real broker, calling a real integration on 127.0.0.1. */
@ExtendWith(KafkaBrokerExtension.class)
class InteractionLaneOnBrokerTest {

    private static final JsonSerde<InteractionEvent> EVENTS = JsonSerde.of(InteractionEvent.class);
    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final InetAddress METADATA = address("169.254.169.254");
    private static final io.hookline.schemas.serde.JsonSchemas SCHEMAS = new io.hookline.schemas.serde.JsonSchemas();

    private KafkaBroker broker;
    private MockWebServer server;
    private HooklineConfig config;
    private Topics topics;
    private final List<DispatcherService> services = new ArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicInteger slowArrived = new AtomicInteger();

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void setUp(KafkaBroker broker) throws Exception {
        this.broker = broker;
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                String path = request.getUrl().encodedPath();
                bodies.put(path, request.getBody().utf8());
                return switch (path) {
                    case "/vote" -> json(200, "{\"update\":{\"message\":\"3 votes\"},\"ephemeral_text\":\"Thanks\"}");
                    case "/where" -> json(200, "");
                    case "/broken" -> json(500, "boom");
                    case "/dialog" -> json(200, "{\"errors\":{\"summary\":\"Too short\"}}");
                    case "/huge" -> json(200, "{\"ephemeral_text\":\"" + "x".repeat(600_000) + "\"}");
                    case "/slow" -> {
                        slowArrived.incrementAndGet();
                        releaseSlow.await(60, TimeUnit.SECONDS);
                        yield json(200, "{}");
                    }
                    default -> json(404, "no such path");
                };
            }
        });
        config = DispatcherOnBroker.config(broker, Map.of("hookline.dispatcher.shutdown-grace", "1s"));
        topics = DispatcherOnBroker.createTopics(broker, config);
    }

    @AfterEach
    void tearDown() {
        releaseSlow.countDown();
        services.forEach(DispatcherService::close);
        server.close();
    }

    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private DispatcherService start(HooklineConfig c, SimpleMeterRegistry registry, WatchingSocketFactory sockets) {
        DispatcherService s = new DispatcherService(c, registry,
                host -> host.equals("internal.test") ? List.of(METADATA) : List.of(InetAddress.getByName(host)),
                sockets);
        services.add(s);
        s.start();
        return s;
    }

    private void send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (var r : records) {
                p.send(r).get(20, TimeUnit.SECONDS);
            }
        }
    }

    private ProducerRecord<byte[], byte[]> interaction(InteractionEvent e) {
        return new ProducerRecord<>(topics.interactions().name(), e.channel().id().getBytes(StandardCharsets.UTF_8),
                EVENTS.toBytes(e));
    }

    private static InteractionEvent withId(InteractionEvent e, String name) {
        return new InteractionEvent(e.type(), Ids.deterministic("event", name), e.actionId(), e.selectedOption(),
                e.post(), e.cookie(), e.url(), e.callbackId(), e.state(), e.submission(), e.cancelled(),
                e.submissionType(), e.user(), e.channel(), e.team());
    }

    private static String triggerIdIn(String body) throws Exception {
        return io.hookline.schemas.serde.Json.mapper().readTree(body).get("trigger_id").asText();
    }

    private Map<String, ConsumerRecord<byte[], byte[]>> outcomesById(int atLeast) {
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(),
                topics.webhookResponses().name())) {
            Map<String, ConsumerRecord<byte[], byte[]>> byId = new LinkedHashMap<>();
            for (var r : reader.readAtLeast(atLeast, Duration.ofSeconds(60))) {
                byId.put(OUTCOMES.fromBytes(r.value()).deliveryId(), r);
            }
            return byId;
        }
    }

    @Test
    void clicksAndDialogsAreCalledOnceWithMattermostsBodiesAndEachHasOneOutcome() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        WatchingSocketFactory sockets = new WatchingSocketFactory(List.of(METADATA));
        DispatcherService service = start(config, registry, sockets);
        // the same first-written secrets the dispatcher loaded: to seal a cookie and verify trigger ids here
        IntegrationSecrets secrets = IntegrationSecretStore.load(config, topics, Duration.ofSeconds(60));
        TriggerIds triggerIds = new TriggerIds(secrets, Duration.ofSeconds(30), Clock.systemUTC());

        Map<String, Object> pollContext = new LinkedHashMap<>(Map.of("poll", 17, "choice", "<pizza>"));
        Map<String, Object> post = post("", Map.of("from_webhook", "true"),
                List.of(action("vote1", "button", url("/vote"), pollContext),
                        action("broken1", "button", url("/broken"), null),
                        action("internal1", "button", "http://internal.test:" + server.getPort() + "/x", null)));
        InteractionEvent vote = withId(click("vote1", "", post), "vote");
        InteractionEvent broken = withId(click("broken1", "", post), "broken");
        InteractionEvent internal = withId(click("internal1", "", post), "internal");
        InteractionEvent unknown = withId(click("nosuch", "", post), "unknown");
        PostActionCookie sealed = new PostActionCookie("select", POST_ID, ROOT_ID, CHANNEL_ID, "channels",
                new ActionIntegration(url("/where"), Map.of("ticket", "INC-42")), Map.of(),
                List.of("from_webhook", "override_username", "override_icon_url"));
        InteractionEvent where = withId(cookieClick("where", CHANNEL_ID, new ActionCookies(secrets).seal(sealed)),
                "where");
        Map<String, Object> submission = new LinkedHashMap<>();
        submission.put("summary", "Disk full");
        submission.put("untouched", null);
        InteractionEvent dialog = InteractionEvent.dialogSubmission(Ids.deterministic("event", "dialog"),
                url("/dialog"), "new-ticket", "st&te", submission, false, "", ALICE, OPS, ACME);
        // a number Go cannot hold (Jackson reads it as an infinity): Mattermost could not marshal the request
        InteractionEvent huge = withId(click("huge1", "", post("", Map.of(),
                List.of(action("huge1", "button", url("/vote"), Map.of("n", "NUMBER"))))), "huge-number");
        ProducerRecord<byte[], byte[]> hugeNumber = new ProducerRecord<>(topics.interactions().name(),
                CHANNEL_ID.getBytes(StandardCharsets.UTF_8), new String(EVENTS.toBytes(huge), StandardCharsets.UTF_8)
                .replace("\"NUMBER\"", "1e400").getBytes(StandardCharsets.UTF_8));
        send(List.of(interaction(vote), interaction(broken), interaction(internal), interaction(unknown),
                interaction(where), interaction(dialog), hugeNumber,
                new ProducerRecord<>(topics.interactions().name(), CHANNEL_ID.getBytes(StandardCharsets.UTF_8),
                        "{not json".getBytes(StandardCharsets.UTF_8))));

        Map<String, ConsumerRecord<byte[], byte[]>> outcomes = outcomesById(7);
        assertThat(outcomes).hasSize(7);
        for (ConsumerRecord<byte[], byte[]> r : outcomes.values()) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(CHANNEL_ID);
            // the bytes on the topic, as the ingestor reads them, against the published contract
            assertThat(SCHEMAS.problems("delivery-outcome",
                    io.hookline.schemas.serde.Json.mapper().readTree(r.value()))).isEmpty();
        }

        // a button on a stored post: Mattermost's body, a trigger id that verifies, the answer kept whole
        DeliveryOutcome voted = OUTCOMES.fromBytes(outcomes.get(vote.id()).value());
        assertThat(voted.isInteraction()).isTrue();
        assertThat(voted.trigger()).isNull();
        assertThat(voted.succeeded()).isTrue();
        assertThat(voted.httpStatus()).isEqualTo(200);
        assertThat(voted.responseBody())
                .isEqualTo("{\"update\":{\"message\":\"3 votes\"},\"ephemeral_text\":\"Thanks\"}");
        assertThat(voted.responseContentType()).isEqualTo("application/json");
        assertThat(voted.attempts()).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo(1);
            assertThat(a.httpStatus()).isEqualTo(200);
            assertThat(a.error()).isNull();
        });
        String clientTriggerId = Ids.deterministic(vote.id(), "trigger");
        assertThat(voted.interaction().clientTriggerId()).isEqualTo(clientTriggerId);
        assertThat(voted.interaction().refusal()).isNull();
        assertThat(voted.interaction().event()).isEqualTo(vote);
        assertThat(voted.interaction().action()).isEqualTo(new PostActionCookie("button", POST_ID, POST_ID, CHANNEL_ID,
                "", new ActionIntegration(url("/vote"), pollContext), Map.of("from_webhook", "true"),
                List.of("override_username", "override_icon_url")));
        String voteBody = bodies.get("/vote");
        String triggerId = triggerIdIn(voteBody);
        assertThat(voteBody).isEqualTo("{\"user_id\":\"" + USER_ID + "\",\"user_name\":\"alice\",\"channel_id\":\""
                + CHANNEL_ID + "\",\"channel_name\":\"ops\",\"team_id\":\"" + TEAM_ID + "\",\"team_domain\":\"acme\","
                + "\"post_id\":\"" + POST_ID + "\",\"trigger_id\":\"" + triggerId + "\",\"type\":\"button\","
                + "\"data_source\":\"\",\"context\":{\"choice\":\"\\u003cpizza\\u003e\",\"poll\":17}}");
        TriggerIds.Verified verified = triggerIds.verify(triggerId);
        assertThat(verified.clientTriggerId()).isEqualTo(clientTriggerId);
        assertThat(verified.userId()).isEqualTo(USER_ID);

        // a select on an ephemeral post: its cookie is the action; the choice and the data source go along
        DeliveryOutcome chose = OUTCOMES.fromBytes(outcomes.get(where.id()).value());
        assertThat(chose.succeeded()).isTrue();
        assertThat(chose.responseBody()).isEmpty();
        assertThat(chose.interaction().action()).isEqualTo(sealed);
        String whereBody = bodies.get("/where");
        assertThat(whereBody).isEqualTo("{\"user_id\":\"" + USER_ID + "\",\"user_name\":\"alice\",\"channel_id\":\""
                + CHANNEL_ID + "\",\"channel_name\":\"ops\",\"team_id\":\"" + TEAM_ID + "\",\"team_domain\":\"acme\","
                + "\"post_id\":\"" + POST_ID + "\",\"trigger_id\":\"" + triggerIdIn(whereBody) + "\","
                + "\"type\":\"select\",\"data_source\":\"channels\",\"context\":{\"selected_option\":\"" + CHANNEL_ID
                + "\",\"ticket\":\"INC-42\"}}");
        assertThat(triggerIds.verify(triggerIdIn(whereBody)).clientTriggerId())
                .isEqualTo(Ids.deterministic(where.id(), "trigger"));

        // a 500 fails after its one attempt: no retry
        DeliveryOutcome failed = OUTCOMES.fromBytes(outcomes.get(broken.id()).value());
        assertThat(failed.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(failed.httpStatus()).isEqualTo(500);
        assertThat(failed.error()).isEqualTo("HTTP 500");
        assertThat(failed.responseBody()).isNull();
        assertThat(failed.attempts()).singleElement().satisfies(a -> assertThat(a.bodyExcerpt()).isEqualTo("boom"));

        // an address the SSRF guard refuses is never connected to
        DeliveryOutcome forbidden = OUTCOMES.fromBytes(outcomes.get(internal.id()).value());
        assertThat(forbidden.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(forbidden.error()).isEqualTo(ForbiddenAddressException.MESSAGE);
        assertThat(forbidden.httpStatus()).isNull();
        assertThat(forbidden.attempts()).singleElement().satisfies(a -> assertThat(a.httpStatus()).isNull());
        assertThat(sockets.connects).doesNotContain(METADATA);
        assertThat(sockets.violations).isEmpty();

        // a click Mattermost refuses is answered with the refusal and calls nobody
        DeliveryOutcome refused = OUTCOMES.fromBytes(outcomes.get(unknown.id()).value());
        assertThat(refused.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(refused.interaction().refusal().id()).isEqualTo("api.post.do_action.action_id.app_error");
        assertThat(refused.interaction().clientTriggerId()).isEmpty();
        assertThat(refused.attempts()).isEmpty();
        assertThat(refused.error()).startsWith("refused without a call: api.post.do_action.action_id.app_error");

        DeliveryOutcome unmarshalable = OUTCOMES.fromBytes(outcomes.get(huge.id()).value());
        assertThat(unmarshalable.interaction().refusal().id()).isEqualTo("api.marshal_error");
        assertThat(unmarshalable.interaction().refusal().statusCode()).isEqualTo(500);
        assertThat(unmarshalable.attempts()).isEmpty();

        // a dialog submission: Mattermost's SubmitDialogRequest, the untouched field as null
        DeliveryOutcome submitted = OUTCOMES.fromBytes(outcomes.get(dialog.id()).value());
        assertThat(submitted.succeeded()).isTrue();
        assertThat(submitted.responseBody()).isEqualTo("{\"errors\":{\"summary\":\"Too short\"}}");
        assertThat(submitted.interaction().clientTriggerId()).isEmpty();
        assertThat(bodies.get("/dialog")).isEqualTo("{\"type\":\"dialog_submission\",\"callback_id\":\"new-ticket\","
                + "\"state\":\"st\\u0026te\",\"user_id\":\"" + USER_ID + "\",\"channel_id\":\"" + CHANNEL_ID + "\","
                + "\"team_id\":\"" + TEAM_ID + "\",\"submission\":{\"summary\":\"Disk full\",\"untouched\":null},"
                + "\"cancelled\":false}");

        // the unreadable record is the one dead letter
        List<ConsumerRecord<byte[], byte[]>> letters;
        try (OutputTopicReader reader = new OutputTopicReader(broker.bootstrapServers(), topics.deadLetters().name())) {
            letters = reader.readAtLeast(1, Duration.ofSeconds(30));
        }
        assertThat(letters).singleElement().satisfies(l -> {
            assertThat(new String(l.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
            assertThat(DeadLetter.from(l.headers()).reason()).startsWith("unreadable interaction");
            assertThat(DeadLetter.from(l.headers()).topic()).isEqualTo(topics.interactions().name());
        });

        // one request per call made: nothing retried, nothing sent for the refused click
        Thread.sleep(1500);
        assertThat(server.getRequestCount()).isEqualTo(4);
        assertThat(registry.get("hookline.dispatcher.interactions").tag("result", "succeeded").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).isEqualTo(3.0);
        assertThat(registry.get("hookline.dispatcher.interactions").tag("result", "refused").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).isEqualTo(2.0);
        assertThat(registry.get("hookline.dispatcher.interaction.latency").tag("type", "post_action").timer().count())
                .isEqualTo(4);
        assertThat(registry.get("hookline.dispatcher.dead.letters").tag("lane", "interaction").counter().count())
                .isEqualTo(1.0);
        Await.until(() -> "RUNNING".equals(service.health().clients().get("interactions")), Duration.ofSeconds(30),
                () -> "the interaction lane to be RUNNING: " + service.health());
    }

    @Test
    void anAnswerTooLargeToRecordFailsTheClickAndTheLaneGoesOn() throws Exception {
        // webhook-responses takes records of at most 300 kB here: a 600 kB answer beside its event cannot be recorded
        String responses = broker.uniqueName("small-responses");
        broker.createTopic(responses, 1, Map.of("max.message.bytes", "300000"));
        HooklineConfig c = config.with("hookline.topic.webhook-responses", responses);
        topics = TopicSettings.topics(c);
        DispatcherService service = start(c, new SimpleMeterRegistry(), new WatchingSocketFactory(List.of()));
        Map<String, Object> post = post("", Map.of(), List.of(action("huge1", "button", url("/huge"), null),
                action("vote1", "button", url("/vote"), null)));
        InteractionEvent huge = withId(click("huge1", "", post), "huge");
        InteractionEvent after = withId(click("vote1", "", post), "after");
        send(List.of(interaction(huge), interaction(after)));

        Map<String, ConsumerRecord<byte[], byte[]>> outcomes = outcomesById(2);
        DeliveryOutcome tooLarge = OUTCOMES.fromBytes(outcomes.get(huge.id()).value());
        assertThat(tooLarge.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(tooLarge.httpStatus()).isEqualTo(200);
        assertThat(tooLarge.responseBody()).isNull();
        int answerBytes = "{\"ephemeral_text\":\"\"}".length() + 600_000;
        assertThat(tooLarge.error()).isEqualTo("the integration's answer (" + answerBytes + " bytes) is too large to "
                + "record on webhook-responses");
        assertThat(OUTCOMES.fromBytes(outcomes.get(after.id()).value()).succeeded()).isTrue();
        assertThat(service.isRunning()).isTrue();
    }

    @Test
    void aClickIsCalledPromptlyWhileWebhookDeliveriesFillTheirBudget() throws Exception {
        HooklineConfig c = config.with("hookline.dispatcher.max-in-flight", "2")
                .with("hookline.dispatcher.max-in-flight-per-host", "2")
                .with("hookline.dispatcher.retry-delays", "")
                .with("hookline.outgoing-integration-requests-timeout", "30");
        start(c, new SimpleMeterRegistry(), new WatchingSocketFactory(List.of()));
        List<ProducerRecord<byte[], byte[]>> webhooks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            WebhookTrigger t = TestTriggers.trigger("slow-" + i, "slowhook" + i, url("/slow"), "application/json");
            webhooks.add(new ProducerRecord<>(topics.webhookConfigs().name(),
                    TestTriggers.id("slowhook" + i).getBytes(StandardCharsets.UTF_8), JsonSerde.of(
                    io.hookline.schemas.hook.OutgoingWebhook.class).toBytes(TestTriggers.hook("slowhook" + i,
                    "application/json", List.of(), List.of(url("/slow"))))));
            webhooks.add(new ProducerRecord<>(topics.webhookTriggers().name(),
                    t.partitionKey().getBytes(StandardCharsets.UTF_8), JsonSerde.of(WebhookTrigger.class).toBytes(t)));
        }
        send(webhooks);
        // the webhook budget is full and eight deliveries wait behind it
        Await.until(() -> slowArrived.get() == 2, Duration.ofSeconds(60), () -> "two slow deliveries in flight");

        Map<String, Object> post = post("", Map.of(), List.of(action("vote1", "button", url("/vote"), null)));
        long t0 = System.nanoTime();
        send(List.of(interaction(withId(click("vote1", "", post), "during-flood"))));
        Map<String, ConsumerRecord<byte[], byte[]>> outcomes = outcomesById(1);
        long clickMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

        DeliveryOutcome click = OUTCOMES.fromBytes(outcomes.get(Ids.deterministic("event", "during-flood")).value());
        assertThat(click.succeeded()).isTrue();
        // the webhook deliveries are all still pending: none has an outcome, eight have not even started
        assertThat(outcomes).hasSize(1);
        assertThat(slowArrived.get()).isEqualTo(2);
        System.out.printf("click answered in %d ms (integration latency %d ms) with 2 webhook deliveries in flight "
                + "and 8 waiting%n", clickMs, click.attempts().get(0).latencyMs());
        assertThat(clickMs).isLessThan(5000);
    }
}
