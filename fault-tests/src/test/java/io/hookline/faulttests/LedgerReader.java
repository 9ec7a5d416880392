package io.hookline.faulttests;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads {@code post-commands}, the failed outcomes of {@code webhook-responses} and {@code dead-letters} from the
 * beginning (read_committed: what a bridge would see) into a {@link Ledger}, counting every record: nothing is
 * deduplicated here.
 */
public final class LedgerReader implements AutoCloseable {

    /** One record of the dead-letters topic, as its headers describe it. */
    public record DeadLetterSeen(DeadLetter header, String deliveryId, byte[] key, int valueSize) {
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Ledger ledger;
    private final String commandsTopic;
    private final String responsesTopic;
    private final List<DeadLetterSeen> deadLetters = new ArrayList<>();
    private int commandsRead;

    public LedgerReader(String bootstrapServers, Topics topics, Ledger ledger) {
        this.ledger = ledger;
        this.commandsTopic = topics.postCommands().name();
        this.responsesTopic = topics.webhookResponses().name();
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(commandsTopic, responsesTopic, topics.deadLetters().name())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Reads until {@code done} holds, then once more to the current end of every topic read, so that a doubled record
     * written just after the last expected one is still counted. Returns whether {@code done} held before the
     * deadline.
     */
    public boolean readUntil(BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean reached = false;
        while (System.nanoTime() - deadline < 0) {
            pollOnce(Duration.ofMillis(200));
            if (done.getAsBoolean()) {
                reached = true;
                break;
            }
        }
        drainToEnd(Duration.ofSeconds(30));
        return reached;
    }

    /** Reads until the ledger has no missing delivery left. */
    public boolean readUntilSettled(Duration timeout) {
        return readUntil(ledger::settled, timeout);
    }

    public List<DeadLetterSeen> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public int commandsRead() {
        return commandsRead;
    }

    private void drainToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() - deadline < 0) {
            boolean atEnd = end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            if (atEnd) {
                return;
            }
            pollOnce(Duration.ofMillis(200));
        }
    }

    private void pollOnce(Duration timeout) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(timeout)) {
            if (r.topic().equals(commandsTopic)) {
                commandsRead++;
                command(r.value());
            } else if (r.topic().equals(responsesTopic)) {
                outcome(r.value());
            } else {
                deadLetter(r);
            }
        }
    }

    private void command(byte[] value) {
        try {
            PostCommand c = Json.mapper().readValue(value, PostCommand.class);
            String id = c.origin() == null ? "(no origin)" : c.origin().deliveryId();
            if (PostCommand.CREATE_POST.equals(c.type())) {
                ledger.createPost(id);
            } else if (PostCommand.EPHEMERAL_POST.equals(c.type())) {
                ledger.failureNotice(id);
            } else {
                throw new IllegalStateException("post command of unknown type " + c.type());
            }
        } catch (IOException e) {
            throw new IllegalStateException("post-commands holds a record that is not a PostCommand", e);
        }
    }

    private void outcome(byte[] value) {
        if (value == null) {
            return;
        }
        try {
            DeliveryOutcome o = Json.mapper().readValue(value, DeliveryOutcome.class);
            if (DeliveryOutcome.FAILED.equals(o.status())) {
                ledger.failedOutcome(o.deliveryId(), o.error());
            }
        } catch (IOException e) {
            // poison written by a test: the dead letter the ingestor makes of it is counted there
        }
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> r) {
        DeadLetter header = DeadLetter.from(r.headers());
        String deliveryId = null;
        try {
            JsonNode json = Json.mapper().readTree(r.value());
            if (json != null && json.isObject() && json.path("delivery_id").isTextual()) {
                deliveryId = json.get("delivery_id").asText();
            }
        } catch (IOException e) {
            // poison: not JSON; deliveryId stays null
        }
        deadLetters.add(new DeadLetterSeen(header, deliveryId, r.key(), r.value() == null ? 0 : r.value().length));
        if (deliveryId == null || header == null) {
            return;
        }
        if ("ingestor".equals(header.stage())) {
            ledger.ingestorDeadLetter(deliveryId, header.reason());
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
