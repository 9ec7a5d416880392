package io.hookline.schemas.deadletter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A record as it goes to {@code dead-letters}: the original key and value bytes whole, the original headers, and the
 * {@link DeadLetter} description in {@code hookline.dlq.*} headers. Every stage builds its dead letters here, with or
 * without Kafka Streams, so that they read alike whichever stage gave up.
 */
public record DeadLetterRecord(byte[] key, byte[] value, Headers headers) {

    /**
     * The dead letter of a record with {@code key}, {@code value} and {@code original} headers (null: none), described
     * by {@code letter}. The original headers are copied, never changed: the source record may still be in use.
     */
    public static DeadLetterRecord of(DeadLetter letter, byte[] key, byte[] value, Headers original) {
        RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header header : original) {
                headers.add(header.key(), header.value());
            }
        }
        return new DeadLetterRecord(key, value, letter.writeTo(headers));
    }

    /** The record for a producer: to {@code topic} with {@code timestamp} (null: the producer's clock). */
    public ProducerRecord<byte[], byte[]> toProducerRecord(String topic, Long timestamp) {
        return new ProducerRecord<>(topic, null, timestamp, key, value, headers);
    }
}
