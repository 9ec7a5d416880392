package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.IsolatedConfig;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Dead letters page's API on the real broker: stage, reason, source; a selection replayed, bytes unchanged. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLettersApiOnBrokerTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void deadLettersAreListedNewestFirstAndASelectionIsReplayedToItsSourceTopic(KafkaBroker broker)
            throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        Topics topics = isolated.topics();
        TopicSetup.ensure(isolated.config());
        String badPost = "{\"post\": {\"message\": \"no channel\"}, \"token\": \"s3cret-token\"}";
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            String dlq = topics.deadLetters().name();
            producer.send(new ProducerRecord<>(dlq, null, utf8("chan1"), utf8(badPost),
                    new DeadLetter("matcher", "post.channel_id is missing", topics.posts().name(), 3, 41)
                            .toHeaders())).get();
            producer.send(new ProducerRecord<>(dlq, null, utf8("k"), utf8("{}"),
                    new DeadLetter("matcher", "elsewhere", "not-hooklines", 0, 1).toHeaders())).get();
            producer.send(new ProducerRecord<>(dlq, null, utf8("hook1:chan1"), new byte[] {(byte) 0xff, 1},
                    new DeadLetter("ingestor", "not JSON", topics.webhookResponses().name(), 0, 7).toHeaders()))
                    .get();
        }
        try (Console console = Console.start(isolated.config(), List.of())) {
            ConsoleClient client = new ConsoleClient(console.url());
            ConsoleClient.Answer list = client.get("/api/dead-letters");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.get("total").asInt()).isEqualTo(3);
            JsonNode letters = list.get("dead_letters");
            assertThat(letters.findValuesAsText("position")).containsExactly("0:2", "0:1", "0:0");
            JsonNode post = letters.get(2);
            assertThat(post.get("stage").asText()).isEqualTo("matcher");
            assertThat(post.get("reason").asText()).isEqualTo("post.channel_id is missing");
            assertThat(post.get("source_topic").asText()).isEqualTo(topics.posts().name());
            assertThat(post.get("source_partition").asInt()).isEqualTo(3);
            assertThat(post.get("source_offset").asLong()).isEqualTo(41);
            assertThat(post.get("replayable").asBoolean()).isTrue();
            assertThat(letters.get(1).get("replayable").asBoolean()).isFalse();
            assertThat(letters.get(1).get("not_replayable").asText()).contains("'not-hooklines' is not one of");
            assertThat(list.body()).as("secrets masked as dead-letters list masks them").doesNotContain("s3cret-token");
            assertThat(client.get("/api/dead-letters?stage=ingestor").get("dead_letters").findValuesAsText("position"))
                    .containsExactly("0:2");

            ConsoleClient.Answer replay = client.post("/api/dead-letters/replay",
                    Map.of("positions", List.of("0:0", "0:1", "0:2")));
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            assertThat(replay.get("selected").asInt()).isEqualTo(3);
            assertThat(replay.get("replayed").findValuesAsText("topic"))
                    .containsExactlyInAnyOrder(topics.posts().name(), topics.webhookResponses().name());
            assertThat(replay.get("skipped")).hasSize(1);
            assertThat(replay.get("skipped").get(0).get("offset").asLong()).isEqualTo(1);

            List<ConsumerRecord<byte[], byte[]>> posts = readAll(broker, topics.posts().name());
            assertThat(posts).singleElement().satisfies(r -> {
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo(badPost);
                assertThat(r.headers().lastHeader(DeadLetter.STAGE)).isNull();
            });

            assertThat(client.post("/api/dead-letters/replay", Map.of("positions", List.of("0:99"))).status())
                    .isEqualTo(404);
            ConsoleClient.Answer malformed = client.post("/api/dead-letters/replay",
                    Map.of("positions", List.of("zero")));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.text("field")).isEqualTo("positions");
            assertThat(client.post("/api/dead-letters/replay", Map.of()).status()).isEqualTo(400);
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaBroker broker, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
