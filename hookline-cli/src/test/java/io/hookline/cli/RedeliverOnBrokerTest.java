package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code deliveries redeliver} on the real broker with every stage running: a delivery fails finally (the endpoint
 * answers 500), the endpoint recovers, and the redelivery must reach it once, with the hook's token and a signature
 * that verifies, and come back as one {@code create_post}; redelivering the same failure again posts nothing more.
 * A failure of a hook that was deleted since is skipped, naming the hook.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RedeliverOnBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private final MockWebServer callback = new MockWebServer();
    private final ServiceGroup services = new ServiceGroup(Duration.ofSeconds(30));
    private final AtomicBoolean recovered = new AtomicBoolean();
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() {
        services.close();
        callback.close();
    }

    @Test
    void aFailedDeliveryIsRedeliveredOnceWithTheHooksTokenAndSignature(KafkaBroker broker) throws Exception {
        callback.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return recovered.get()
                        ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body("{\"text\":\"pong\"}").build()
                        : new MockResponse.Builder().code(500).body("down").build();
            }
        });
        callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        IsolatedConfig isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with("hookline.dispatcher.retry-delays", "100ms");
        Topics topics = isolated.topics();
        // the literal IP, as allowed: MockWebServer's own URLs name "localhost", which only a CIDR entry allows
        String url = "http://127.0.0.1:" + callback.getPort() + "/pong";
        CliRun.Result created = CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id",
                CHANNEL, "--trigger-word", "ping", "--callback-url", url, "--creator-id", BOT));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        OutgoingWebhook hook = Json.mapper().readValue(created.out(), OutgoingWebhook.class);
        services.start(Stage.createAll(List.of(Stage.values()), isolated.config()), WAIT);

        DeliveryOutcome failed = pingUntilFailed(isolated, topics, broker);
        assertThat(failed.error()).startsWith("gave up after 2 attempts: HTTP 500");
        assertThat(failed.trigger().payload().token()).as("outcomes are redacted").isEmpty();
        requests.clear();

        recovered.set(true);
        CliRun.Result redelivered = CliRun.run(isolated.args("deliveries", "redeliver", failed.deliveryId()));
        assertThat(redelivered.exitCode()).as(redelivered.toString()).isZero();
        String[] line = redelivered.out().strip().split(" ");
        assertThat(line).as(redelivered.toString()).hasSize(3);
        assertThat(line[0]).isEqualTo(failed.deliveryId());
        String redeliveryId = line[1];
        assertThat(redeliveryId).hasSize(26).isNotEqualTo(failed.deliveryId());
        assertThat(line[2]).startsWith(topics.webhookTriggers().name() + ":");
        assertThat(redelivered.out() + redelivered.err()).doesNotContain(hook.token(), hook.signingSecret());

        RecordedRequest request = requests.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("the redelivery's request within %s", WAIT).isNotNull();
        assertThat(Json.mapper().readTree(request.getBody().utf8()).get("token").asText()).isEqualTo(hook.token());
        assertThat(request.getHeaders().get("webhook-id")).isEqualTo(redeliveryId);
        assertThat(WebhookSignatures.of(request)).contains(WebhookSignatures.expected(request, hook.signingSecret()));
        List<PostCommand> posts = createPosts(broker, topics, 1);
        assertThat(posts).singleElement().satisfies(p -> {
            assertThat(p.post().message()).isEqualTo("pong");
            assertThat(p.origin().deliveryId()).isEqualTo(redeliveryId);
        });

        CliRun.Result again = CliRun.run(isolated.args("deliveries", "redeliver", failed.deliveryId()));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("already redelivered as " + redeliveryId + ", which succeeded");
        CliRun.Result select = CliRun.run(isolated.args("deliveries", "redeliver", "--all-failed"));
        assertThat(select.err()).contains("already redelivered");
        assertThat(requests.poll(2, TimeUnit.SECONDS)).as("no request for a settled failure").isNull();
        assertThat(createPosts(broker, topics, 1)).hasSize(1);

        // the hook is deleted: a new failure of it is skipped, naming the hook and why
        recovered.set(false);
        DeliveryOutcome orphan = pingUntilFailed(isolated, topics, broker);
        CliRun.Result deleted = CliRun.run(isolated.args("hooks", "delete", hook.id()));
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        requests.clear();
        CliRun.Result skipped = CliRun.run(isolated.args("deliveries", "redeliver", "--hook", hook.id()));
        assertThat(skipped.exitCode()).as(skipped.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(skipped.err()).contains("skipped delivery " + orphan.deliveryId() + ": hook " + hook.id()
                + " is not live");
        assertThat(skipped.out()).isEmpty();
    }

    /** Alice says ping; returns the failed outcome of its delivery. */
    private static DeliveryOutcome pingUntilFailed(IsolatedConfig isolated, Topics topics, KafkaBroker broker)
            throws Exception {
        CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                "--user-id", ALICE, "--message", "ping"));
        assertThat(post.exitCode()).as(post.toString()).isZero();
        String postId = post.out().strip();
        List<ConsumerRecord<String, String>> outcomes = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.webhookResponses().name(), new StringDeserializer(), WAIT,
                seen -> seen.stream().anyMatch(r -> r.value().contains(postId)));
        DeliveryOutcome failed = null;
        for (ConsumerRecord<String, String> r : outcomes) {
            DeliveryOutcome o = Json.mapper().readValue(r.value(), DeliveryOutcome.class);
            if (o.trigger().payload().postId().equals(postId)) {
                failed = o;
            }
        }
        assertThat(failed.status()).isEqualTo(DeliveryOutcome.FAILED);
        return failed;
    }

    /** The create_post commands on post-commands, once at least {@code atLeast} are there. */
    private static List<PostCommand> createPosts(KafkaBroker broker, Topics topics, int atLeast) throws Exception {
        List<PostCommand> posts = new java.util.ArrayList<>();
        TopicRecords.readUntil(broker.bootstrapServers(), topics.postCommands().name(), new StringDeserializer(),
                WAIT, seen -> seen.stream().filter(r -> r.value().contains(PostCommand.CREATE_POST)).count() >= atLeast);
        for (ConsumerRecord<String, String> r : TopicRecords.readAll(broker.bootstrapServers(),
                topics.postCommands().name(), new StringDeserializer())) {
            PostCommand c = Json.mapper().readValue(r.value(), PostCommand.class);
            if (PostCommand.CREATE_POST.equals(c.type())) {
                posts.add(c);
            }
        }
        return posts;
    }
}
