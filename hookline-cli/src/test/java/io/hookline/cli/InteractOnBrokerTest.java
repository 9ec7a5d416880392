package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.command.CommandOrigin;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code interact click} and {@code interact submit} against the real broker, with this test playing the dispatcher
 * and ingestor: it reads the published events and writes the answering commands.
 */
@ExtendWith(KafkaBrokerExtension.class)
class InteractOnBrokerTest {

    private static final String BOB = "bob00000000000000000000001";

    @Test
    void aClickIsPublishedWithTheStoredPostAndItsAnswersAndDialogArePrintedThenTheDialogIsSubmitted(
            KafkaBroker broker) throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        isolated.provisioned();
        Topics topics = isolated.topics();
        PostEvent trigger = TownSquare.post("ticket db-3 disk is full", List.of());
        String postCommandId = "createpost0000000000000001";
        Map<String, Object> props = Json.mapper().readValue("{\"from_webhook\":\"true\",\"attachments\":[{\"actions\":"
                + "[{\"id\":\"createticket\",\"type\":\"button\",\"name\":\"Create ticket\",\"integration\":{\"url\":"
                + "\"http://127.0.0.1:8067/actions/create\",\"context\":{\"action\":\"create\"}}}]}]}", Map.class);
        PostCommand created = new PostCommand(postCommandId, PostCommand.CREATE_POST, null,
                new CommandPost(CHANNEL, "", BOT, "Ticket request", "slack_attachment", props, null),
                new CommandOrigin("hook00000000000000000000001", trigger.post().id(),
                        "http://127.0.0.1:8067/hook", "delivery0000000000000000001"));
        try (KafkaProducer<String, PostEvent> posts = producer(broker, JsonSerde.of(PostEvent.class))) {
            posts.send(new ProducerRecord<>(topics.posts().name(), CHANNEL, trigger)).get();
        }
        write(broker, topics, CHANNEL, created);

        CompletableFuture<CliRun.Result> click = CompletableFuture.supplyAsync(() -> CliRun.run(isolated.args(
                "interact", "click", "--post", postCommandId, "--action", "Create ticket", "--user-id", BOB,
                "--username", "bob", "--wait", "60s", "--dialog-wait", "60s")));

        InteractionEvent event = TopicRecords.readUntil(broker.bootstrapServers(), topics.interactions().name(),
                JsonSerde.of(InteractionEvent.class), Duration.ofSeconds(60), l -> !l.isEmpty()).get(0).value();
        assertThat(event.type()).isEqualTo(InteractionEvent.POST_ACTION);
        assertThat(event.id()).hasSize(26);
        assertThat(event.actionId()).isEqualTo("createticket");
        assertThat(event.selectedOption()).isEmpty();
        assertThat(event.post()).containsEntry("id", postCommandId).containsEntry("channel_id", CHANNEL)
                .containsEntry("user_id", BOT).containsEntry("message", "Ticket request").containsEntry("props", props);
        assertThat(((Number) event.post().get("create_at")).longValue()).isPositive();
        assertThat(event.user().id()).isEqualTo(BOB);
        assertThat(event.user().username()).isEqualTo("bob");
        // channel and team as the post that triggered the hook named them
        assertThat(event.channel()).isEqualTo(trigger.channel());
        assertThat(event.team()).isEqualTo(trigger.team());

        // the dispatcher and the ingestor's part: the answers, then the integration opens a dialog
        PostCommand ignored = PostCommand.actionResult("elsewhere000000000000000001", "otherinteraction0000000001",
                ALICE, ActionResponse.ok("othertrigger00000000000001"), null);
        PostCommand update = PostCommand.updatePost("update0000000000000000000001", event.id(),
                Map.of("id", postCommandId, "channel_id", CHANNEL, "message", "Ticket request — opened by @bob",
                        "props", props));
        PostCommand result = PostCommand.actionResult("result0000000000000000000001", event.id(), BOB,
                ActionResponse.ok("clienttrigger0000000000001"), null);
        PostCommand dialog = PostCommand.openDialog("opendialog0000000000000001", "", BOB, Json.mapper().readTree(
                "{\"trigger_id\":\"clienttrigger0000000000001\",\"url\":\"http://127.0.0.1:8067/dialogs/ticket\","
                        + "\"dialog\":{\"callback_id\":\"ticket\",\"title\":\"Create ticket\",\"elements\":["
                        + "{\"name\":\"summary\",\"type\":\"text\"},{\"name\":\"urgent\",\"type\":\"bool\","
                        + "\"default\":\"false\"}],\"notify_on_cancel\":true,\"state\":\"s\"}}"));
        write(broker, topics, CHANNEL, ignored, update, result);
        write(broker, topics, BOB, dialog);

        CliRun.Result clicked = click.get(90, TimeUnit.SECONDS);
        assertThat(clicked.exitCode()).as(clicked.toString()).isZero();
        List<String> lines = clicked.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(event.id());
        assertThat(Json.mapper().readValue(lines.get(1), PostCommand.class)).isEqualTo(update);
        assertThat(Json.mapper().readValue(lines.get(2), PostCommand.class)).isEqualTo(result);
        assertThat(Json.mapper().readValue(lines.get(3), PostCommand.class).id()).isEqualTo(dialog.id());

        // a second click sees the updated post
        CliRun.Result again = CliRun.run(isolated.args("interact", "click", "--post", postCommandId,
                "--action-id", "createticket", "--user-id", BOB, "--username", "bob", "--wait", "1s"));
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(again.err()).contains("no action_result for interaction", "within 1s",
                "are the dispatcher and the ingestor running");
        List<ConsumerRecord<String, InteractionEvent>> events = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.interactions().name(), JsonSerde.of(InteractionEvent.class), Duration.ofSeconds(30),
                l -> l.size() >= 2);
        assertThat(events.get(1).value().post()).isEqualTo(update.updatedPost());
        assertThat(events.get(1).key()).isEqualTo(CHANNEL);

        // the dialog: user from the open_dialog, channel and team from the click that got its trigger id
        CompletableFuture<CliRun.Result> submit = CompletableFuture.supplyAsync(() -> CliRun.run(isolated.args(
                "interact", "submit", "--dialog", dialog.id(), "--field", "summary=Disk full on db-3",
                "--field", "urgent=true", "--wait", "60s")));
        InteractionEvent submission = TopicRecords.readUntil(broker.bootstrapServers(), topics.interactions().name(),
                JsonSerde.of(InteractionEvent.class), Duration.ofSeconds(60), l -> l.size() >= 3).get(2).value();
        assertThat(submission.type()).isEqualTo(InteractionEvent.DIALOG_SUBMISSION);
        assertThat(submission.url()).isEqualTo("http://127.0.0.1:8067/dialogs/ticket");
        assertThat(submission.callbackId()).isEqualTo("ticket");
        assertThat(submission.state()).isEqualTo("s");
        assertThat(submission.submission()).isEqualTo(Map.of("summary", "Disk full on db-3", "urgent", true));
        assertThat(submission.cancelled()).isFalse();
        assertThat(submission.user().id()).isEqualTo(BOB);
        assertThat(submission.user().username()).isEqualTo("bob");
        assertThat(submission.channel()).isEqualTo(event.channel());
        assertThat(submission.team()).isEqualTo(event.team());

        JsonNode errors = Json.mapper().readTree("{\"errors\":{\"summary\":\"too short\"}}");
        PostCommand answer = PostCommand.dialogResult("dialogresult00000000000001", submission.id(), BOB, errors,
                null);
        write(broker, topics, CHANNEL, answer);
        CliRun.Result submitted = submit.get(90, TimeUnit.SECONDS);
        assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
        assertThat(submitted.out().lines().toList()).hasSize(2).first().isEqualTo(submission.id());
        assertThat(Json.mapper().readValue(submitted.out().lines().toList().get(1), PostCommand.class))
                .isEqualTo(answer);
    }

    private static <V> KafkaProducer<String, V> producer(KafkaBroker broker, JsonSerde<V> serde) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), serde.serializer());
    }

    private static void write(KafkaBroker broker, Topics topics, String key, PostCommand... commands)
            throws Exception {
        try (KafkaProducer<String, PostCommand> producer = producer(broker, JsonSerde.of(PostCommand.class))) {
            for (PostCommand c : commands) {
                producer.send(new ProducerRecord<>(topics.postCommands().name(), key, c)).get();
            }
        }
    }
}
