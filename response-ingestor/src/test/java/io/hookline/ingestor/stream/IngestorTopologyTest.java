package io.hookline.ingestor.stream;

import io.hookline.runtime.topic.TopicSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.ingestor.IngestorService;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.ingestor.IngestorTopology;
import io.hookline.ingestor.outcome.FailureNotice;
import io.hookline.ingestor.outcome.OutcomeHandler;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestorTopologyTest {

    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final JsonSerde<PostCommand> COMMANDS = JsonSerde.of(PostCommand.class);

    private final IntegrationSecrets secrets = IntegrationSecrets.generate();
    @TempDir
    Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> responses;
    private TestOutputTopic<String, PostCommand> commands;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    private void start(Map<String, String> settings) {
        HooklineConfig config = HooklineConfig.of(settings);
        HooklineConfig streams = config.with("bootstrap.servers", "127.0.0.1:9").with("state.dir", stateDir.toString());
        Topology topology = IngestorTopology.build(IngestorService.APP.streamsBuilder(streams), config,
                TopicSettings.topics(config), secrets);
        driver = new TopologyTestDriver(topology, IngestorService.APP.properties(streams));
        Topics topics = TopicSettings.topics(config);
        responses = driver.createInputTopic(topics.webhookResponses().name(), new ByteArraySerializer(),
                new ByteArraySerializer());
        commands = driver.createOutputTopic(topics.postCommands().name(),
                topics.postCommands().keySerde().deserializer(), topics.postCommands().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }

    private void start() {
        start(Map.of());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    private static byte[] key(DeliveryOutcome outcome) {
        return outcome.trigger().partitionKey().getBytes(StandardCharsets.UTF_8);
    }

    private void pipe(DeliveryOutcome outcome) {
        responses.pipeInput(key(outcome), OUTCOMES.toBytes(outcome));
    }

    @Test
    void aResponseBecomesACreatePostCommandKeyedByChannel() {
        start();
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": \"pong\"}");
        pipe(outcome);
        List<TestRecord<String, PostCommand>> out = commands.readRecordsToList();
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(Fixtures.CHANNEL_ID);
            assertThat(r.value().id()).isEqualTo(OutcomeHandler.partCommandId(outcome.deliveryId(), 0));
            assertThat(r.value().post().message()).isEqualTo("pong");
            assertThat(r.value().post().props()).containsEntry("from_webhook", "true");
            assertThat(r.headers().toArray()).isEmpty();
            CommandSchema.assertValid(r.value());
        });
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void theSameOutcomeTwiceYieldsOneCommand() {
        start();
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": \"pong\"}");
        pipe(outcome);
        pipe(outcome);
        DeliveryOutcome other = Fixtures.succeeded(Fixtures.trigger(io.hookline.schemas.Ids.deterministic("p2"), ""),
                "{\"text\": \"pong\"}");
        pipe(other);
        pipe(other);
        assertThat(commands.readValuesToList()).extracting(PostCommand::id).containsExactly(
                OutcomeHandler.partCommandId(outcome.deliveryId(), 0),
                OutcomeHandler.partCommandId(other.deliveryId(), 0));
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void aRepeatedOutcomeIsDroppedEvenWhenItsBodyDiffers() {
        start();
        DeliveryOutcome first = Fixtures.succeeded("{\"text\": \"one\"}");
        pipe(first);
        pipe(Fixtures.succeeded("{\"text\": \"two\"}"));
        pipe(Fixtures.failed(500, "HTTP 500", 2));
        assertThat(commands.readValuesToList()).extracting(c -> c.post().message()).containsExactly("one");
    }

    @Test
    void deliveryIdsAreForgottenAfterTheRetentionCountedFromTheFirstHandling() {
        start(Map.of("hookline.ingestor-dedup-retention-hours", "1"));
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": \"pong\"}");
        DeliveryOutcome other = Fixtures.succeeded(Fixtures.trigger(io.hookline.schemas.Ids.deterministic("p2"), ""),
                "{\"text\": \"pong\"}");
        pipe(outcome);
        driver.advanceWallClockTime(Duration.ofMinutes(59));
        pipe(outcome);
        assertThat(commands.readValuesToList()).hasSize(1);
        driver.advanceWallClockTime(Duration.ofMinutes(2));
        pipe(other);
        pipe(outcome);
        // Past the retention the repeat is not recognised; its command keeps the same id, so a consumer can still
        // drop it.
        assertThat(commands.readValuesToList()).extracting(PostCommand::id).containsExactly(
                OutcomeHandler.partCommandId(other.deliveryId(), 0),
                OutcomeHandler.partCommandId(outcome.deliveryId(), 0));
        // the store's time moved on with the newer entries: the first handling is gone from it, no purge needed
        WindowStore<String, Long> store = driver.getWindowStore(ResponseStream.DEDUP_STORE);
        try (KeyValueIterator<Windowed<String>, Long> all = store.fetchAll(0, Long.MAX_VALUE)) {
            List<String> ids = new ArrayList<>();
            all.forEachRemaining(e -> ids.add(e.key.key()));
            assertThat(ids).containsExactlyInAnyOrder(other.deliveryId(), outcome.deliveryId());
        }
    }

    @Test
    void invalidJsonGoesToDeadLettersWholeWithTheReason() {
        start();
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": ");
        byte[] value = OUTCOMES.toBytes(outcome);
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "t1".getBytes(StandardCharsets.UTF_8));
        responses.pipeInput(new TestRecord<>(key(outcome), value, headers));
        assertThat(commands.isEmpty()).isTrue();
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.key()).isEqualTo(key(outcome));
        assertThat(dead.value()).isEqualTo(value);
        DeadLetter letter = DeadLetter.from(dead.headers());
        assertThat(letter.stage()).isEqualTo("ingestor");
        assertThat(letter.reason()).startsWith("the response body is not valid JSON");
        assertThat(letter.topic()).isEqualTo("webhook-responses");
        assertThat(letter.partition()).isEqualTo(0);
        assertThat(letter.offset()).isEqualTo(0);
        assertThat(dead.headers().lastHeader("trace").value()).isEqualTo("t1".getBytes(StandardCharsets.UTF_8));
        // the same bad outcome again is a repeat: not dead-lettered twice
        responses.pipeInput(key(outcome), value);
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void bytesThatAreNotAnOutcomeGoToDeadLetters() {
        start();
        byte[] garbage = {(byte) 0xff, 'x', '{'};
        responses.pipeInput("k".getBytes(StandardCharsets.UTF_8), garbage);
        responses.pipeInput("k2".getBytes(StandardCharsets.UTF_8), (byte[]) null);
        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).hasSize(2);
        assertThat(dead.get(0).value()).isEqualTo(garbage);
        assertThat(DeadLetter.from(dead.get(0).headers()).reason()).contains("not a valid DeliveryOutcome");
        assertThat(dead.get(1).value()).isNull();
        assertThat(DeadLetter.from(dead.get(1).headers()).reason()).contains("no value");
        assertThat(DeadLetter.from(dead.get(1).headers()).offset()).isEqualTo(1);
    }

    @Test
    void deadLetterReasonsNeverCarryTheTokenEvenOfATriggerWrittenWithOne() {
        start();
        String token = "secrettokensecrettoken1234";
        WebhookTrigger t = Fixtures.trigger();
        WebhookPayload p = t.payload();
        WebhookTrigger leaky = new WebhookTrigger(t.deliveryId(), t.hookId(), t.callbackUrl(), t.contentType(),
                t.hookDisplayName(), t.creatorId(),
                t.username(), t.iconUrl(), t.rootId(), new WebhookPayload(token, p.teamId(), p.teamDomain(),
                p.channelId(), p.channelName(), p.timestamp(), p.userId(), p.userName(), p.postId(), p.text(),
                p.triggerWord(), p.fileIds()), t.triggeredAt());
        pipe(Fixtures.succeeded(leaky, "{\"text\": 1}"));
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        for (var header : dead.headers()) {
            String text = new String(header.value(), StandardCharsets.UTF_8);
            assertThat(text).doesNotContain(token).doesNotContain("whsec_");
        }
        assertThat(DeadLetter.from(dead.headers()).reason()).isEqualTo("text must be a string, got a number");
    }

    @Test
    void aFinalFailureBecomesAnEphemeralNoticeToTheAuthor() {
        start();
        DeliveryOutcome failed = Fixtures.failed(null, "connect timed out", 3);
        pipe(failed);
        TestRecord<String, PostCommand> r = commands.readRecord();
        assertThat(r.key()).isEqualTo(Fixtures.CHANNEL_ID);
        assertThat(r.value().type()).isEqualTo(PostCommand.EPHEMERAL_POST);
        assertThat(r.value().userId()).isEqualTo(Fixtures.AUTHOR_ID);
        assertThat(r.value().id()).isEqualTo(FailureNotice.commandId(failed.deliveryId()));
        CommandSchema.assertValid(r.value());
    }

    @Test
    void failureNoticesCanBeTurnedOff() {
        start(Map.of("hookline.failure-notices", "false"));
        pipe(Fixtures.failed(502, "HTTP 502", 1));
        assertThat(commands.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void emptyResponsesCreateNothing() {
        start();
        pipe(Fixtures.succeeded(""));
        pipe(Fixtures.succeeded(Fixtures.trigger(io.hookline.schemas.Ids.deterministic("p3"), ""), "{}"));
        assertThat(commands.isEmpty()).isTrue();
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void overridesComeFromTheSharedSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("hookline.enable-post-username-override", "true");
        start(settings);
        pipe(Fixtures.succeeded("{\"text\": \"a\"}"));
        assertThat(commands.readValue().post().props()).containsEntry("override_username", "deploybot")
                .doesNotContainKey("override_icon_url");
    }

    @Test
    void whatSanitisingRemovedTravelsInAHeader() {
        start();
        pipe(Fixtures.succeeded("{\"attachments\": [{\"title\": \"t\", \"title_link\": \"javascript:alert(1)\"}]}"));
        TestRecord<String, PostCommand> r = commands.readRecord();
        assertThat(r.value().post().props().get("attachments")).isEqualTo(List.of(Map.of("title", "t")));
        assertThat(new String(r.headers().lastHeader(ResponseProcessor.REMOVED_HEADER).value(),
                StandardCharsets.UTF_8)).isEqualTo("attachments[0].title_link is not an http(s) URL");
        CommandSchema.assertValid(r.value());
    }

    @Test
    void aWebhookAnswerTooLargeForACommandIsStillDeadLetteredWhole() {
        start();
        pipe(Fixtures.succeeded("{\"attachments\": [{\"text\": \"" + "é".repeat(600000) + "\"}]}"));
        assertThat(commands.isEmpty()).isTrue();
        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(DeadLetter.from(dead.headers()).reason()).contains("bytes, more than the 1000000");
    }

    @Test
    void everyPartOfALongAnswerIsPublishedInOrder() {
        start();
        DeliveryOutcome outcome = Fixtures.succeeded("{\"text\": \"" + "q".repeat(16383 * 3) + "\", "
                + "\"attachments\": [{\"text\": \"att\"}]}");
        pipe(outcome);
        List<PostCommand> out = commands.readValuesToList();
        assertThat(out).extracting(PostCommand::id).containsExactly(
                OutcomeHandler.partCommandId(outcome.deliveryId(), 0),
                OutcomeHandler.partCommandId(outcome.deliveryId(), 1),
                OutcomeHandler.partCommandId(outcome.deliveryId(), 2));
        assertThat(out.get(2).post().props()).containsKey("attachments");
        assertThat(out.get(0).post().props()).doesNotContainKey("attachments");
        CommandSchema.assertAllValid(out);
    }

    @Test
    void everyInternalResourceIsNamed() {
        // Built with ensure.explicit.internal.resource.naming=true: an unnamed store, topic or processor would throw.
        Topology topology = IngestorTopology.build(IngestorService.APP.streamsBuilder(HooklineConfig.of(Map.of(
                "bootstrap.servers", "127.0.0.1:9"))), HooklineConfig.of(Map.of()),
                TopicSettings.topics(HooklineConfig.of(Map.of())), secrets);
        String text = topology.describe().toString();
        assertThat(text).contains(ResponseStream.SOURCE, ResponseStream.PROCESSOR, ResponseStream.DEDUP_STORE,
                "ingestor-write-post-commands", "ingestor-write-dead-letters");
        assertThat(text).doesNotContain("KSTREAM-");
    }

    @Test
    void commandsReadBackWithTheTopicSerde() {
        start();
        pipe(Fixtures.succeeded("{\"text\": \"x\"}"));
        PostCommand c = commands.readValue();
        assertThat(COMMANDS.fromBytes(COMMANDS.toBytes(c))).isEqualTo(c);
        assertThat(new ProducerRecord<>("t", c.post().channelId(), c).key()).isEqualTo(Fixtures.CHANNEL_ID);
    }
}
