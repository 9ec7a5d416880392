package io.hookline.dispatcher.delivery;

import io.hookline.schemas.deadletter.DeadLetterRecord;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.delivery.ScheduledRetry;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes the dispatcher's results to Kafka. Each future completes when the broker acknowledged the record, which is
 * when the source offset may be committed; it fails when the record could not be written.
 */
public final class DeliveryRecorder {

    private final Producer<byte[], byte[]> producer;
    private final Topics topics;

    public DeliveryRecorder(Producer<byte[], byte[]> producer, Topics topics) {
        this.producer = producer;
        this.topics = topics;
    }

    public CompletableFuture<Void> outcome(String key, DeliveryOutcome outcome) {
        var topic = topics.webhookResponses();
        return send(new ProducerRecord<>(topic.name(), utf8(key),
                topic.valueSerde().serializer().serialize(topic.name(), outcome)));
    }

    public CompletableFuture<Void> retry(String key, ScheduledRetry retry) {
        var topic = topics.webhookRetries();
        return send(new ProducerRecord<>(topic.name(), utf8(key),
                topic.valueSerde().serializer().serialize(topic.name(), retry)));
    }

    /** A dead letter, as {@link DeadLetterRecord} builds it for every stage. */
    public CompletableFuture<Void> deadLetter(DeadLetterRecord letter) {
        return send(letter.toProducerRecord(topics.deadLetters().name(), null));
    }

    private CompletableFuture<Void> send(ProducerRecord<byte[], byte[]> record) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, e) -> {
                if (e == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(e);
                }
            });
        } catch (RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }
}
