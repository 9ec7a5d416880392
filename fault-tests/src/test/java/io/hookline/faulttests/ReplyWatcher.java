package io.hookline.faulttests;

import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code post-commands} (read_committed, as a bridge would) while a scenario runs and records in
 * {@link ReplyTimes} when each delivery's first reply became readable. Counts nothing for the ledger:
 * {@link LedgerReader} does that at the end, from the beginning.
 */
final class ReplyWatcher implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final ReplyTimes times;
    private final Thread thread;
    private volatile boolean running = true;

    ReplyWatcher(Pipeline pipeline, ReplyTimes times) {
        this.times = times;
        String topic = pipeline.topics().postCommands().name();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "reply-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.currentTimeMillis();
                    String id = deliveryId(r.value());
                    if (id != null) {
                        times.replied(id, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private static String deliveryId(byte[] value) {
        try {
            PostCommand c = Json.mapper().readValue(value, PostCommand.class);
            return c.origin() == null ? null : c.origin().deliveryId();
        } catch (IOException e) {
            // not a command: the ledger reports it
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
