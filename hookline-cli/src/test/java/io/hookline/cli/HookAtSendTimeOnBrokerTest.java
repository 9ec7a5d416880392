package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.Settings;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every stage running on the real broker, hooks changed with the CLI while a delivery waits for its retry: the retry
 * goes out with the hook as it is then (new token, new secret), a deleted hook's delivery fails without another
 * request and without a failure notice, and no token or secret ever reaches the trigger, retry or outcome topics.
 */
@ExtendWith(KafkaBrokerExtension.class)
class HookAtSendTimeOnBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final AtomicBoolean failing = new AtomicBoolean(true);
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();

    @Test
    void aRetryIsSentWithTheHookAsItIsThenAndADeletedHooksDeliveryEndsSilently(KafkaBroker broker)
            throws Exception {
        // the stages stop before the callback they call
        try (MockWebServer callback = new MockWebServer();
             ServiceGroup services = new ServiceGroup(Duration.ofSeconds(30))) {
            changeTheHookWhileDeliveriesWait(broker, callback, services);
        }
    }

    private void changeTheHookWhileDeliveriesWait(KafkaBroker broker, MockWebServer callback, ServiceGroup services)
            throws Exception {
        callback.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return failing.get() ? new MockResponse.Builder().code(503).body("down").build()
                        : new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"text\":\"pong\"}").build();
            }
        });
        callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        IsolatedConfig isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with("hookline.dispatcher.retry-delays", "10s")
                .with("hookline.dispatcher.retry-jitter", "0");
        Topics topics = isolated.topics();
        OutgoingWebhook created = hook(CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM,
                "--channel-id", CHANNEL, "--trigger-word", "ping", "--callback-url",
                "http://127.0.0.1:" + callback.getPort() + "/pong", "--creator-id", BOT)));
        services.start(Stage.createAll(List.of(Stage.values()), isolated.config()), WAIT);

        // the first attempt fails; while its retry waits, the token is regenerated and the secret rotated
        String firstPost = ping(isolated);
        RecordedRequest first = requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(first).as("the first attempt within %s", WAIT).isNotNull();
        assertThat(Json.mapper().readTree(first.getBody().utf8()).get("token").asText()).isEqualTo(created.token());
        OutgoingWebhook regenerated = hook(CliRun.run(isolated.args("hooks", "regen-token", created.id())));
        OutgoingWebhook rotated = hook(CliRun.run(isolated.args("hooks", "rotate-secret", created.id(),
                "--grace", "0")));
        assertThat(regenerated.token()).isNotEqualTo(created.token());
        assertThat(rotated.signingSecret()).isNotEqualTo(created.signingSecret());
        failing.set(false);

        RecordedRequest retry = requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(retry).as("the retry within %s", WAIT).isNotNull();
        assertThat(Json.mapper().readTree(retry.getBody().utf8()).get("token").asText())
                .isEqualTo(regenerated.token());
        assertThat(WebhookSignatures.of(retry)).containsExactly(WebhookSignatures.expected(retry,
                rotated.signingSecret()));
        DeliveryOutcome delivered = outcomeOf(broker, topics, firstPost);
        assertThat(delivered.succeeded()).isTrue();
        assertThat(delivered.attempts()).hasSize(2);

        // the hook is deleted while the next delivery waits for its retry
        failing.set(true);
        String secondPost = ping(isolated);
        assertThat(requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the first attempt").isNotNull();
        CliRun.Result deleted = CliRun.run(isolated.args("hooks", "delete", created.id()));
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        DeliveryOutcome gone = outcomeOf(broker, topics, secondPost);
        assertThat(gone.status()).isEqualTo(DeliveryOutcome.FAILED);
        assertThat(gone.error()).isEqualTo("hook " + created.id() + " was deleted");
        assertThat(gone.hookGone()).isTrue();
        assertThat(gone.attempts()).hasSize(1);
        assertThat(requests.poll(2, TimeUnit.SECONDS)).as("no request after the deletion").isNull();

        // once the ingestor has handled that outcome, the only command is the reply to the first post
        awaitIngestorCaughtUp(broker, isolated, topics);
        List<PostCommand> commands = TopicRecords.readAll(broker.bootstrapServers(), topics.postCommands().name(),
                new StringDeserializer()).stream().map(r -> read(r.value(), PostCommand.class)).toList();
        assertThat(commands).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(PostCommand.CREATE_POST);
            assertThat(c.origin().postId()).isEqualTo(firstPost);
        });

        // no token and no signing secret on the topics the delivery went through
        List<String> secrets = List.of(created.token(), regenerated.token(), created.signingSecret(),
                rotated.signingSecret(), "whsec_");
        for (String topic : List.of(topics.webhookTriggers().name(), topics.webhookRetries().name(),
                topics.webhookResponses().name())) {
            List<ConsumerRecord<String, String>> records = TopicRecords.readAll(broker.bootstrapServers(), topic,
                    new StringDeserializer());
            assertThat(records).as(topic).isNotEmpty();
            for (ConsumerRecord<String, String> r : records) {
                assertThat(r.value()).as(topic).doesNotContain(secrets);
            }
        }
    }

    private static OutgoingWebhook hook(CliRun.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return read(result.out(), OutgoingWebhook.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Alice says ping; returns the post id. */
    private static String ping(IsolatedConfig isolated) {
        CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                "--user-id", ALICE, "--message", "ping"));
        assertThat(post.exitCode()).as(post.toString()).isZero();
        return post.out().strip();
    }

    private static DeliveryOutcome outcomeOf(KafkaBroker broker, Topics topics, String postId) {
        return TopicRecords.readUntil(broker.bootstrapServers(), topics.webhookResponses().name(),
                        new StringDeserializer(), WAIT, seen -> seen.stream().anyMatch(r -> r.value().contains(postId)))
                .stream().map(r -> read(r.value(), DeliveryOutcome.class))
                .filter(o -> o.trigger().payload().postId().equals(postId)).findFirst().orElseThrow();
    }

    /** Until the ingestor's committed offsets on webhook-responses are at the topic's end. */
    private static void awaitIngestorCaughtUp(KafkaBroker broker, IsolatedConfig isolated, Topics topics)
            throws Exception {
        String group = isolated.config().require(Settings.APPLICATION_ID_PREFIX) + "-ingestor";
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(topics.webhookResponses().name()))
                    .allTopicNames().get(30, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, Long> end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Await.until(() -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                    return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                            || committed.get(e.getKey()) != null
                            && committed.get(e.getKey()).offset() >= e.getValue());
                } catch (Exception e) {
                    return false;
                }
            }, WAIT, () -> "the ingestor to commit past every outcome");
        }
    }
}
