package io.hookline.matcher.stream;

import io.hookline.schemas.deadletter.DeadLetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
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
        return new Record<>(original.key(), original.value(), original.timestamp(), headers(original.headers(),
                new DeadLetter(STAGE, reason,
                        source == null ? "" : source.topic(),
                        source == null ? -1 : source.partition(),
                        source == null ? -1 : source.offset())));
    }

    /** A copy of the original headers with {@code letter}'s {@code hookline.dlq.*} headers. */
    static Headers headers(Headers original, DeadLetter letter) {
        RecordHeaders headers = new RecordHeaders();
        if (original != null) {
            for (Header header : original) {
                headers.add(header.key(), header.value());
            }
        }
        return letter.writeTo(headers);
    }

    /**
     * The reason of a record given up on an unexpected error: the kind of error only. Its message is for the log, not
     * the dead letter: it may quote a hook, token and signing secret included.
     */
    static String unexpected(Throwable error) {
        return "unexpected error in the matcher: " + error.getClass().getName();
    }

    /** {@code topic-partition@offset} of the record being processed, for log lines. */
    static String origin(ProcessorContext<?, ?> context) {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }
}
