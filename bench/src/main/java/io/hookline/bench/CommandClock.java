package io.hookline.bench;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.serde.JsonSerde;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjLongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code post-commands} as a chat server would (read_committed, short fetch waits) and hands each command over
 * with the {@link System#nanoTime()} at which it became readable: the end point of every latency the bench measures.
 */
final class CommandClock {

    private static final JsonSerde<PostCommand> COMMANDS = JsonSerde.of(PostCommand.class);

    private CommandClock() {
    }

    /** Reads from the beginning of {@code topic} until {@code reading} turns false. */
    static void read(BenchKafka kafka, String topic, AtomicBoolean reading, ObjLongConsumer<PostCommand> seen) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < BenchKafka.PARTITIONS; p++) {
                parts.add(new TopicPartition(topic, p));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            while (reading.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    seen.accept(COMMANDS.fromBytes(r.value()), now);
                }
            }
        }
    }
}
