package io.hookline.matcher;

import io.hookline.runtime.topic.TopicSettings;
import static io.hookline.matcher.testing.MatcherDriver.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.testing.Hooks;
import io.hookline.matcher.testing.MatcherDriver;
import io.hookline.matcher.testing.Posts;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bug while matching must neither stop the stream nor lose the post, nor write a dead letter other than ours:
 * every dead letter of the matcher carries {@code hookline.dlq.*} headers and never a hook's token or signing secret.
 */
class UnexpectedErrorsTest {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @TempDir
    Path stateDir;

    private HooklineConfig config() {
        return HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:9",
                StreamsConfig.STATE_DIR_CONFIG, stateDir.toString()));
    }

    @Test
    void aPostWhoseMatchingFailsIsDeadLetteredWithOurHeadersAndTheStreamGoesOn() {
        HooklineConfig config = config();
        Topics topics = TopicSettings.topics(config);
        OutgoingWebhook hook = Hooks.hook("a").words("explode", "bug").secret(SECRET).build();
        // Matching fails after the triggers are built, with a message quoting the hook's secrets, as a careless
        // toString() in a bug would: neither a trigger nor the message may get out.
        Topology topology = MatcherTopology.build(new StreamsBuilder(), config, topics,
                real -> (event, at) -> {
                    List<WebhookTrigger> triggers = real.triggersOf(event, at);
                    if (event.post().message().startsWith("explode")) {
                        throw new IllegalStateException("bug with " + hook.token() + " " + hook.signingSecret()
                                + " after " + triggers.size() + " triggers");
                    }
                    return triggers;
                });
        try (TopologyTestDriver driver = new TopologyTestDriver(topology,
                MatcherService.MATCHER_APP.properties(config),
                MatcherDriver.WALL_CLOCK)) {
            ByteArraySerializer bytes = new ByteArraySerializer();
            driver.createInputTopic(topics.webhookConfigs().name(), bytes, bytes)
                    .pipeInput(utf8(hook.id()), HOOKS.toBytes(hook));
            TestInputTopic<byte[], byte[]> posts = driver.createInputTopic(topics.posts().name(), bytes, bytes);
            TestOutputTopic<String, WebhookTrigger> triggers = driver.createOutputTopic(topics.webhookTriggers().name(),
                    new StringDeserializer(), JsonSerde.of(WebhookTrigger.class));
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());

            byte[] key = utf8(Posts.CHANNEL);
            byte[] value = POSTS.toBytes(Posts.post("explode now").build());
            RecordHeaders headers = new RecordHeaders();
            headers.add("bridge-trace", utf8("t-1"));
            posts.pipeInput(new TestRecord<>(key, value, headers, MatcherDriver.WALL_CLOCK));

            assertThat(triggers.readRecordsToList()).as("no trigger of the failed post gets out").isEmpty();
            List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
            assertThat(letters).hasSize(1);
            assertOurDeadLetter(letters.get(0), key, value, topics, hook);

            posts.pipeInput(key, POSTS.toBytes(Posts.post("bug again").build()));
            assertThat(triggers.readRecordsToList()).as("the stream goes on").hasSize(1);
            assertThat(deadLetters.readRecordsToList()).isEmpty();
        }
    }

    @Test
    void anExceptionEscapingAProcessorIsDeadLetteredByTheHandlerWithOurHeaders() {
        HooklineConfig config = config();
        Topics topics = TopicSettings.topics(config);
        OutgoingWebhook hook = Hooks.hook("a").words("bug").secret(SECRET).build();
        // What the matcher's processors cannot catch themselves (here: a processor that only throws) reaches the
        // Streams processing exception handler that the Streams settings install.
        Topology topology = new Topology();
        topology.addSource("source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.posts().name());
        topology.addProcessor("failing", () -> (Processor<byte[], byte[], byte[], byte[]>) record -> {
            throw new IllegalStateException("bug with " + hook.token() + " " + hook.signingSecret());
        }, "source");
        topology.addSink("sink", topics.webhookTriggers().name(), new ByteArraySerializer(), new ByteArraySerializer(),
                "failing");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology,
                MatcherService.MATCHER_APP.properties(config),
                MatcherDriver.WALL_CLOCK)) {
            ByteArraySerializer bytes = new ByteArraySerializer();
            TestInputTopic<byte[], byte[]> posts = driver.createInputTopic(topics.posts().name(), bytes, bytes);
            TestOutputTopic<byte[], byte[]> deadLetters = driver.createOutputTopic(topics.deadLetters().name(),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            RecordHeaders headers = new RecordHeaders();
            headers.add("bridge-trace", utf8("t-1"));
            byte[] key = utf8(Posts.CHANNEL);
            byte[] value = utf8("{\"post\": {}}");
            posts.pipeInput(new TestRecord<>(key, value, headers, MatcherDriver.WALL_CLOCK));
            posts.pipeInput(new TestRecord<>(key, utf8("second"), null, MatcherDriver.WALL_CLOCK));

            List<TestRecord<byte[], byte[]>> letters = deadLetters.readRecordsToList();
            assertThat(letters).as("one dead letter per record: the stream went on").hasSize(2);
            assertOurDeadLetter(letters.get(0), key, value, topics, hook);
            assertThat(DeadLetter.from(letters.get(1).headers()).offset()).isEqualTo(1);
        }
    }

    @Test
    void anExceptionInTheHookTablesProcessorStopsTheMatcherInsteadOfSkippingAHookChange() {
        HooklineConfig config = config();
        Topics topics = TopicSettings.topics(config);
        try (TopologyTestDriver driver = new TopologyTestDriver(globalTopology(topics,
                MatcherTopology.HOOK_TABLE_UPDATER, new AtomicInteger()), MatcherService.MATCHER_APP.properties(config),
                MatcherDriver.WALL_CLOCK)) {
            TestInputTopic<byte[], byte[]> configs = configsTopic(driver, topics);
            assertThatThrownBy(() -> configs.pipeInput(utf8("hook"), utf8("{}")))
                    .as("the handler answers fail for the hook table: the global thread stops")
                    .isInstanceOf(StreamsException.class);
        }
    }

    @Test
    void theHandlerSeesTheGlobalThreadsErrorsSoOnlyTheHookTableFailsFast() {
        HooklineConfig config = config();
        Topics topics = TopicSettings.topics(config);
        // another global processor: with the handler enabled for the global thread (KIP-1270) its error is handled
        // and processing goes on, which shows that the fail above is the handler's choice, not Streams' default
        AtomicInteger processed = new AtomicInteger();
        try (TopologyTestDriver driver = new TopologyTestDriver(globalTopology(topics, "some-other-global-processor",
                processed), MatcherService.MATCHER_APP.properties(config),
                MatcherDriver.WALL_CLOCK)) {
            TestInputTopic<byte[], byte[]> configs = configsTopic(driver, topics);
            assertThatCode(() -> {
                configs.pipeInput(utf8("hook"), utf8("{}"));
                configs.pipeInput(utf8("hook"), utf8("{}"));
            }).as("the handler resumes for any other processor of the global thread").doesNotThrowAnyException();
            assertThat(processed).as("the second record reached the processor after the first one's error")
                    .hasValue(2);
        }
    }

    /**
     * A global store fed from webhook-configs through {@code processorName}, a processor that only throws (after
     * counting the record in {@code processed}).
     */
    private static Topology globalTopology(Topics topics, String processorName, AtomicInteger processed) {
        Topology topology = new Topology();
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("test-global-store"),
                        Serdes.ByteArray(), Serdes.ByteArray()).withLoggingDisabled(), "test-global-source",
                new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.webhookConfigs().name(),
                processorName, () -> new Processor<byte[], byte[], Void, Void>() {
                    @Override
                    public void process(Record<byte[], byte[]> record) {
                        processed.incrementAndGet();
                        throw new IllegalStateException("bug in the hook table");
                    }
                });
        return topology;
    }

    private static TestInputTopic<byte[], byte[]> configsTopic(TopologyTestDriver driver, Topics topics) {
        ByteArraySerializer bytes = new ByteArraySerializer();
        return driver.createInputTopic(topics.webhookConfigs().name(), bytes, bytes);
    }

    /** The record at offset 0 of posts, whole, with its one header and ours, and no secret anywhere in them. */
    private static void assertOurDeadLetter(TestRecord<byte[], byte[]> letter, byte[] key, byte[] value, Topics topics,
            OutgoingWebhook hook) {
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(DeadLetter.from(letter.headers())).isEqualTo(new DeadLetter("matcher",
                "unexpected error in the matcher: java.lang.IllegalStateException", topics.posts().name(), 0, 0));
        assertThat(letter.headers().toArray()).extracting(Header::key).containsExactlyInAnyOrder("bridge-trace",
                DeadLetter.STAGE, DeadLetter.REASON, DeadLetter.TOPIC, DeadLetter.PARTITION, DeadLetter.OFFSET);
        for (Header header : letter.headers()) {
            assertThat(new String(header.value(), StandardCharsets.UTF_8)).as(header.key())
                    .doesNotContain(hook.token()).doesNotContain(SECRET);
        }
    }
}
