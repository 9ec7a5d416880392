package io.hookline.matcher.stream;

import io.hookline.schemas.deadletter.DeadLetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Turns a record the matcher cannot use into its dead letter: same key and value bytes, reason in headers. */
final class DeadLetters {

    static final String STAGE = "matcher";

    private DeadLetters() {
    }

    /**
     * The dead letter of {@code original}: its key, value, timestamp and headers kept whole, plus the
     * {@code hookline.dlq.*} headers naming the stage, the reason and where the record came from.
     */
    static Record<byte[], byte[]> of(Record<byte[], byte[]> original, String reason, ProcessorContext<?, ?> context) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        DeadLetter letter = new DeadLetter(STAGE, reason,
                source == null ? "" : source.topic(),
                source == null ? -1 : source.partition(),
                source == null ? -1 : source.offset());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            headers.add(header.key(), header.value());
        }
        return new Record<>(original.key(), original.value(), original.timestamp(), letter.writeTo(headers));
    }
}
