package io.hookline.ingestor.eos;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.ingestor.IngestorService;
import io.hookline.ingestor.outcome.OutcomeHandler;
import io.hookline.ingestor.testing.CommandSchema;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.localkafka.OrphanSafeMain;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once on a real broker, through a real crash: an ingestor in a child JVM processes a response and writes its
 * command inside a Kafka transaction that it is not allowed to commit yet (a ten-minute commit interval); the test
 * sees the command with {@code read_uncommitted}, not with {@code read_committed}, and kills the JVM with SIGKILL.
 * A new ingestor on the same state directory fences the dead one's transaction (same transactional id), processes
 * the response again and commits. Readers that only see committed data get exactly one command; the aborted copy is
 * visible to {@code read_uncommitted} readers only, which proves the uncommitted path was really taken. The dedup
 * store then still drops a re-delivered outcome after the crash.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExactlyOnceCrashTest {

    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final JsonSerde<PostCommand> COMMANDS = JsonSerde.of(PostCommand.class);

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aCrashBetweenProcessingAndCommitYieldsExactlyOneCommittedCommand(KafkaBroker broker, @TempDir Path dir)
            throws Exception {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("hookline.application-id-prefix", broker.uniqueName("eos"));
        settings.put("hookline.topic.webhook-responses", broker.uniqueName("webhook-responses"));
        settings.put("hookline.topic.post-commands", broker.uniqueName("post-commands"));
        settings.put("hookline.topic.dead-letters", broker.uniqueName("dead-letters"));
        settings.put("state.dir", dir.resolve("state").toString());
        for (String topic : List.of("webhook-responses", "post-commands", "dead-letters")) {
            broker.createTopic(settings.get("hookline.topic." + topic), 1, Map.of());
        }
        String responses = settings.get("hookline.topic.webhook-responses");
        String commands = settings.get("hookline.topic.post-commands");

        DeliveryOutcome first = Fixtures.succeeded("{\"text\": \"pong\"}");
        String firstId = OutcomeHandler.partCommandId(first.deliveryId(), 0);

        Map<String, String> neverCommits = new LinkedHashMap<>(settings);
        neverCommits.put("commit.interval.ms", "600000");
        neverCommits.put("producer.transaction.timeout.ms", "700000");
        // The killed member leaves the group only when its session expires: keep that short (broker minimum).
        neverCommits.put("consumer.session.timeout.ms", "6000");
        neverCommits.put("consumer.heartbeat.interval.ms", "1000");
        Process child = startChild(neverCommits, dir.resolve("child.log"));
        try (KafkaProducer<String, String> producer = producer(broker);
             KafkaConsumer<String, String> uncommitted = consumer(broker, commands, "read_uncommitted");
             KafkaConsumer<String, String> committed = consumer(broker, commands, "read_committed")) {
            send(producer, responses, first);

            List<PostCommand> seen = pollUntil(uncommitted, l -> !l.isEmpty(), Duration.ofSeconds(60));
            assertThat(seen).extracting(PostCommand::id).containsExactly(firstId);
            assertThat(poll(committed, Duration.ofSeconds(2))).as("nothing is committed before the crash").isEmpty();

            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

            try (IngestorService restarted = new IngestorService(HooklineConfig.of(settings))) {
                restarted.start();
                List<PostCommand> committedCommands = pollUntil(committed, l -> !l.isEmpty(),
                        Duration.ofSeconds(90));
                assertThat(committedCommands).extracting(PostCommand::id).containsExactly(firstId);
                CommandSchema.assertAllValid(committedCommands);

                // The dispatcher re-delivers the same outcome (lost acknowledgement), then a new delivery follows.
                send(producer, responses, first);
                DeliveryOutcome second = Fixtures.succeeded(Fixtures.trigger(Ids.deterministic("post-2"), ""),
                        "{\"text\": \"pong 2\"}");
                send(producer, responses, second);
                List<PostCommand> later = pollUntil(committed, l -> !l.isEmpty(), Duration.ofSeconds(60));
                later.addAll(poll(committed, Duration.ofSeconds(2)));
                assertThat(later).extracting(PostCommand::id)
                        .containsExactly(OutcomeHandler.partCommandId(second.deliveryId(), 0));

                // read_uncommitted also sees the aborted copy written before the crash: the crash path was real.
                List<PostCommand> all = new ArrayList<>(seen);
                all.addAll(pollUntil(uncommitted, l -> l.size() >= 2, Duration.ofSeconds(30)));
                all.addAll(poll(uncommitted, Duration.ofSeconds(1)));
                assertThat(all).extracting(PostCommand::id).containsExactly(firstId, firstId,
                        OutcomeHandler.partCommandId(second.deliveryId(), 0));
            }
        } finally {
            child.destroyForcibly();
        }
    }

    private static Process startChild(Map<String, String> settings, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        // exits when this test JVM dies, even by SIGKILL (it watches the stdin pipe ProcessBuilder opens by default)
        command.add(OrphanSafeMain.class.getName());
        command.add(IngestorChildMain.class.getName());
        settings.forEach((k, v) -> command.add(k + "=" + v));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Await.until(() -> {
                String out = read(log);
                if (!process.isAlive() || out.contains("NOT RUNNING")) {
                    throw new AssertionError("the ingestor child did not start:\n" + out);
                }
                return out.lines().anyMatch("RUNNING"::equals);
            }, Duration.ofSeconds(120), () -> "the ingestor child's RUNNING line; its output:\n" + read(log));
            return process;
        } catch (AssertionError e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void send(KafkaProducer<String, String> producer, String topic, DeliveryOutcome outcome)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, outcome.trigger().partitionKey(),
                new String(OUTCOMES.toBytes(outcome), java.nio.charset.StandardCharsets.UTF_8))).get();
    }

    private static KafkaProducer<String, String> producer(KafkaBroker broker) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(KafkaBroker broker, String topic, String isolation) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, broker.uniqueName("reader-" + isolation));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer());
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** Everything that arrives within the whole window: for checking what must not arrive, so it never ends early. */
    private static List<PostCommand> poll(KafkaConsumer<String, String> consumer, Duration duration) {
        List<PostCommand> out = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                out.add(COMMANDS.fromBytes(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        return out;
    }

    private static List<PostCommand> pollUntil(KafkaConsumer<String, String> consumer,
                                               Predicate<List<PostCommand>> done, Duration timeout) {
        List<PostCommand> out = new ArrayList<>();
        Await.until(() -> {
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                out.add(COMMANDS.fromBytes(r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            return done.test(out);
        }, timeout, () -> "post commands on " + consumer.subscription() + ", got " + out);
        return out;
    }
}
