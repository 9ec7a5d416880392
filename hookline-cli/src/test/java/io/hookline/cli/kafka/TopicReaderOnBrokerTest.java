package io.hookline.cli.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A reader that stops in the middle of what one poll returned hands the rest out on its next read: the emulated chat
 * server stops following at an interaction's result and then waits for the dialog, which may have come in the same
 * poll.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TopicReaderOnBrokerTest {

    @Test
    void recordsPolledAfterTheReaderStoppedComeFirstOnItsNextRead(KafkaBroker broker) throws Exception {
        // given five records already on a one-partition topic, so that one poll returns them together
        String topic = broker.uniqueName("reader");
        broker.createTopic(topic, 1, Map.of());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            for (int i = 1; i <= 5; i++) {
                producer.send(new ProducerRecord<>(topic, "record " + i)).get(30, TimeUnit.SECONDS);
            }
        }
        List<String> seen = new ArrayList<>();
        try (TopicReader reader = new TopicReader(new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer()), topic)) {
            reader.seekToBeginning();

            // when a snapshot read stops after one record, a follow after the third, and a follow goes on
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            assertThat(reader.readToEnd(r -> seen.add(text(r.value())), () -> seen.size() < 1)).isFalse();
            reader.follow(r -> seen.add(text(r.value())), () -> seen.size() < 3 && System.nanoTime() < deadline);
            reader.follow(r -> seen.add(text(r.value())), () -> seen.size() < 5 && System.nanoTime() < deadline);
        }

        // then every record is handed out once, in order
        assertThat(seen).containsExactly("record 1", "record 2", "record 3", "record 4", "record 5");
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }
}
