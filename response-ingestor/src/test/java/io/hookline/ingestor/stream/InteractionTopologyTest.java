package io.hookline.ingestor.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.ingestor.IngestorService;
import io.hookline.ingestor.IngestorTopology;
import io.hookline.ingestor.interaction.InteractionHandler;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.ingestor.testing.Interactions;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interaction outcomes through the real topology: the commands out, in order, keyed by channel; repeats dropped. */
class InteractionTopologyTest {

    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);

    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> responses;
    private TestOutputTopic<String, PostCommand> commands;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeEach
    void start() {
        HooklineConfig config = HooklineConfig.of(Map.of());
        HooklineConfig streams = config.with("bootstrap.servers", "127.0.0.1:9").with("state.dir", stateDir.toString());
        Topics topics = TopicSettings.topics(config);
        driver = new TopologyTestDriver(IngestorTopology.build(IngestorService.APP.streamsBuilder(streams), config,
                topics, IntegrationSecrets.generate()), IngestorService.APP.properties(streams));
        responses = driver.createInputTopic(topics.webhookResponses().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        commands = driver.createOutputTopic(topics.postCommands().name(),
                topics.postCommands().keySerde().deserializer(), topics.postCommands().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void pipe(DeliveryOutcome outcome) {
        responses.pipeInput(Fixtures.CHANNEL_ID.getBytes(StandardCharsets.UTF_8), OUTCOMES.toBytes(outcome));
    }

    @Test
    void aClickOutcomeBecomesUpdateEphemeralAndResultKeyedByChannelAndARepeatBecomesNothing() {
        DeliveryOutcome outcome = Interactions.answered("{\"update\": {\"message\": \"Pizza it is\"}, "
                + "\"ephemeral_text\": \"Thanks\"}");
        pipe(outcome);
        List<TestRecord<String, PostCommand>> out = commands.readRecordsToList();
        assertThat(out).extracting(TestRecord::key).containsOnly(Fixtures.CHANNEL_ID);
        assertThat(out).extracting(r -> r.value().id()).containsExactly(
                InteractionHandler.commandId(Interactions.EVENT_ID, "update"),
                InteractionHandler.commandId(Interactions.EVENT_ID, "ephemeral"),
                InteractionHandler.commandId(Interactions.EVENT_ID, "result"));
        assertThat(out).extracting(r -> r.value().type()).containsExactly(PostCommand.UPDATE_POST,
                PostCommand.EPHEMERAL_POST, PostCommand.ACTION_RESULT);
        out.forEach(r -> CommandSchema.assertValid(r.value()));

        pipe(outcome);
        pipe(Interactions.failed(Interactions.click(Interactions.storedPost()), 500, "HTTP 500"));
        assertThat(commands.isEmpty()).as("a repeated interaction is answered once").isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aFailedClickIsAnsweredWithTheErrorAlone() {
        pipe(Interactions.failed(Interactions.click(Interactions.storedPost()), 503, "HTTP 503"));
        List<TestRecord<String, PostCommand>> out = commands.readRecordsToList();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Fixtures.CHANNEL_ID);
            assertThat(r.value().type()).isEqualTo(PostCommand.ACTION_RESULT);
            assertThat(r.value().error().detailedError()).isEqualTo("status=503");
        });
    }

    @Test
    void aDialogSubmissionIsAnsweredOnceWithItsResponse() {
        DeliveryOutcome outcome = Interactions.dialogAnswered(Interactions.submission(), 200,
                "{\"errors\": {\"summary\": \"Too short\"}}");
        pipe(outcome);
        pipe(outcome);
        assertThat(commands.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Fixtures.CHANNEL_ID);
            assertThat(r.value().type()).isEqualTo(PostCommand.DIALOG_RESULT);
            assertThat(r.value().dialogResponse().toString()).isEqualTo("{\"errors\":{\"summary\":\"Too short\"}}");
            CommandSchema.assertValid(r.value());
        });
    }

    @Test
    void webhookAndInteractionOutcomesShareTheStreamAndTheDedup() {
        pipe(Fixtures.succeeded("{\"text\": \"pong\"}"));
        pipe(Interactions.answered("{}"));
        pipe(Fixtures.succeeded("{\"text\": \"pong\"}"));
        assertThat(commands.readValuesToList()).extracting(PostCommand::type).containsExactly(PostCommand.CREATE_POST,
                PostCommand.ACTION_RESULT);
    }

    @Test
    void anUpdateTooLargeForACommandIsAnsweredWithTheErrorAloneAndNothingIsDeadLettered() {
        // given a click whose update is over the command limit, with ephemeral text
        pipe(Interactions.answered("{\"update\": {\"props\": {\"big\": \"" + "é".repeat(600000) + "\"}}, "
                + "\"ephemeral_text\": \"hello\"}"));

        // then only the clicker's answer goes out, carrying Mattermost's error for a post it cannot save
        assertThat(commands.readRecordsToList()).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Fixtures.CHANNEL_ID);
            assertThat(r.value().type()).isEqualTo(PostCommand.ACTION_RESULT);
            assertThat(r.value().error().id()).isEqualTo("model.post.is_valid.props.app_error");
            assertThat(r.value().error().message()).isEqualTo("Invalid props.");
            assertThat(r.value().error().statusCode()).isEqualTo(400);
            CommandSchema.assertValid(r.value());
        });
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void whatSanitisingRemovedFromAnUpdateTravelsInTheHeader() {
        pipe(Interactions.answered("{\"update\": {\"props\": {\"attachments\": [{\"title\": \"t\", "
                + "\"title_link\": \"javascript:alert(1)\"}]}}}"));
        TestRecord<String, PostCommand> update = commands.readRecord();
        assertThat(update.value().type()).isEqualTo(PostCommand.UPDATE_POST);
        assertThat(((Map<?, ?>) update.value().updatedPost().get("props")).get("attachments"))
                .isEqualTo(List.of(Map.of("title", "t")));
        assertThat(new String(update.headers().lastHeader(ResponseProcessor.REMOVED_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("update.props.attachments[0].title_link is not an http(s) URL");
        assertThat(deadLetters.isEmpty()).isTrue();
    }
}
