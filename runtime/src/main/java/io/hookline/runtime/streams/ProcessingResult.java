package io.hookline.runtime.streams;

import org.apache.kafka.streams.processor.api.Record;

/**
 * What a processor made of one input record: a value to pass on, or a failure, the reason why the record goes to
 * {@code dead-letters} instead. A failure keeps the original record as read, raw bytes, since that is what is
 * dead-lettered, whole; {@link StreamsDeadLetters} is where it becomes the dead-letter record.
 */
public sealed interface ProcessingResult<V> {

    static <V> ProcessingResult<V> success(V value) {
        return new Success<>(value);
    }

    /** @param reason in plain words; never a token or a signing secret, dead letters are read by people */
    static <V> ProcessingResult<V> failure(String reason, Record<byte[], byte[]> original) {
        return new Failure<>(reason, original);
    }

    record Success<V>(V value) implements ProcessingResult<V> {
    }

    record Failure<V>(String reason, Record<byte[], byte[]> original) implements ProcessingResult<V> {
    }
}
