package io.hookline.matcher;

import io.hookline.runtime.topic.TopicSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.testing.Hooks;
import io.hookline.matcher.testing.Posts;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The matcher on a real broker: the table is restored in full (and validated) before waiting posts are matched;
 * updates and deletions apply without restart; invalid records are dead-lettered once, even across restarts.
 */
@ExtendWith(KafkaBrokerExtension.class)
class MatcherServiceTest {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How long to keep reading after what was expected arrived, to see that nothing more comes. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @TempDir
    Path stateDir;
    KafkaBroker broker;
    HooklineConfig config;
    Topics topics;
    KafkaProducer<byte[], byte[]> producer;
    KafkaConsumer<byte[], byte[]> triggerConsumer;
    KafkaConsumer<byte[], byte[]> deadLetterConsumer;
    final List<String> seen = new ArrayList<>();
    final Map<String, String> postLabels = new HashMap<>();

    @BeforeEach
    void setUp(KafkaBroker broker) {
        this.broker = broker;
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("hookline.application-id-prefix", broker.uniqueName("it"));
        values.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        for (String logical : List.of("posts", "webhook-configs", "webhook-triggers", "dead-letters")) {
            values.put("hookline.topic." + logical, broker.uniqueName(logical));
        }
        config = HooklineConfig.of(values);
        topics = TopicSettings.topics(config);
        broker.createTopic(topics.posts().name(), 3, Map.of());
        broker.createTopic(topics.webhookConfigs().name(), 2,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        broker.createTopic(topics.webhookTriggers().name(), 3, Map.of());
        broker.createTopic(topics.deadLetters().name(), 1, Map.of());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer());
        triggerConsumer = consumer(topics.webhookTriggers().name());
        deadLetterConsumer = consumer(topics.deadLetters().name());
    }

    @AfterEach
    void tearDown() {
        producer.close();
        triggerConsumer.close();
        deadLetterConsumer.close();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("check"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private void config(OutgoingWebhook hook) {
        send(topics.webhookConfigs().name(), hook.id(), HOOKS.toBytes(hook));
    }

    private void tombstone(String hookId) {
        send(topics.webhookConfigs().name(), hookId, null);
    }

    private void post(String label, String message) {
        PostEvent event = Posts.post(message).build();
        postLabels.put(event.post().id(), label);
        send(topics.posts().name(), event.post().channelId(), POSTS.toBytes(event));
    }

    private void send(String topic, String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, MatcherDriverBytes.utf8(key), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until exactly {@code expected} new "post:hook=word" triggers arrived, then checks nothing else does. */
    private void expectTriggers(String... expected) {
        Set<String> want = new TreeSet<>(List.of(expected));
        List<String> got = new ArrayList<>();
        Await.until(() -> {
            collect(got);
            return got.size() >= want.size();
        }, WAIT, () -> "triggers " + want + ", got " + got);
        observe(QUIET, () -> collect(got));
        assertThat(got).containsExactlyInAnyOrderElementsOf(want);
    }

    private void collect(List<String> got) {
        for (ConsumerRecord<byte[], byte[]> r : triggerConsumer.poll(Duration.ofMillis(200))) {
            WebhookTrigger t = JsonSerde.of(WebhookTrigger.class).fromBytes(r.value());
            got.add(postLabels.get(t.payload().postId()) + ":" + t.hookDisplayName() + "=" + t.payload().triggerWord());
        }
    }

    /**
     * Keeps reading for the whole window: not a wait for something to arrive but a look for what must not (an extra
     * trigger, a second dead letter), so it cannot end early.
     */
    private static void observe(Duration window, Runnable read) {
        long end = System.nanoTime() + window.toNanos();
        while (System.nanoTime() - end < 0) {
            read.run();
        }
    }

    private List<DeadLetter> deadLetters(int atLeast) {
        List<DeadLetter> letters = new ArrayList<>();
        Runnable read = () -> deadLetterConsumer.poll(Duration.ofMillis(200))
                .forEach(r -> letters.add(DeadLetter.from(r.headers())));
        Await.until(() -> {
            read.run();
            return letters.size() >= atLeast;
        }, WAIT, () -> atLeast + " dead letters, got " + letters);
        observe(QUIET, read);
        return letters;
    }

    @Test
    void configUpdateDeleteAndRestart() {
        OutgoingWebhook a = Hooks.hook("a").displayName("a").words("bug").build();
        config(a);
        config(Hooks.hook("b").displayName("b").channel(Posts.CHANNEL).build());
        config(Hooks.hook("c").displayName("c").words("issue").build());
        // invalid latest record: c is not live (fail closed), as after compaction removed its valid version
        config(Hooks.hook("c").displayName("c-broken").words("other").token("short").build());
        config(Hooks.hook("d").displayName("d").words("deploy").build());
        tombstone(Hooks.id("d"));
        // posts already waiting when the matcher starts: they must meet the full, validated table
        post("p1", "bug one");
        post("p2", "issue two");
        post("p3", "deploy three");

        try (MatcherService matcher = new MatcherService(config)) {
            matcher.start();
            assertThat(matcher.isRunning()).isTrue();
            expectTriggers("p1:a=bug", "p1:b=", "p2:b=", "p3:b=");

            config(Hooks.hook("a").displayName("a2").words("defect").when(1).build());
            config(Hooks.hook("b").displayName("b").channel(Posts.CHANNEL).deleteAt(1_700_000_000_001L).build());
            awaitConfigApplied();
            post("p4", "bug four");
            post("p5", "defective five");
            expectTriggers("p5:a2=defect");
        }

        // while the matcher is down: a new hook, an invalid update (it takes hook a out), posts
        config(Hooks.hook("e").displayName("e").words("bug").build());
        config(Hooks.hook("a").displayName("a-broken").words("bug").urls("not a url").build());
        post("p6", "bug six");
        post("p7", "defect seven");

        try (MatcherService restarted = new MatcherService(config)) {
            restarted.start();
            expectTriggers("p6:e=bug");
        }
        List<DeadLetter> letters = deadLetters(2);
        assertThat(letters).extracting(DeadLetter::reason).hasSize(2).allSatisfy(reason ->
                assertThat(reason).startsWith("invalid hook "));
        assertThat(letters).extracting(DeadLetter::topic).containsOnly(topics.webhookConfigs().name());
        assertThat(letters.get(0).reason()).contains(Hooks.id("c")).contains("token");
        assertThat(letters.get(1).reason()).contains(Hooks.id("a")).contains("callback_urls");
    }

    /**
     * Posts "defects" probes until one yields exactly {@code a2=defect} and nothing else (b's deletion applied too):
     * updates apply within seconds, without restart.
     */
    private void awaitConfigApplied() {
        List<String> got = new ArrayList<>();
        int[] probes = {0};
        Await.until(() -> {
            String label = "probe" + probes[0]++;
            post(label, "defects");
            observe(Duration.ofMillis(1500), () -> collect(got));
            return got.stream().filter(t -> t.startsWith(label + ":")).toList().equals(List.of(label + ":a2=defect"));
        }, Duration.ofSeconds(20), () -> "the update of a and the deletion of b to show; triggers: " + got);
    }

    private static final class MatcherDriverBytes {
        static byte[] utf8(String s) {
            return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
