package io.hookline.runtime.streams;

import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.deadletter.DeadLetterRecord;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

/**
 * The Kafka Streams side of the dead-letter writer: turns a {@link ProcessingResult.Failure}, or an exception the
 * {@link DeadLetteringExceptionHandler} caught, into the record {@link DeadLetterRecord} builds, naming the source
 * topic, partition and offset of the record being processed.
 *
 * @param stage the stage named in the dead letters: {@code matcher}, {@code ingestor}
 */
public record StreamsDeadLetters(String stage) {

    public StreamsDeadLetters {
        Objects.requireNonNull(stage, "stage");
    }

    /** The dead letter of {@code failure}, with its original record's timestamp: for a processor to forward. */
    public Record<byte[], byte[]> of(ProcessingResult.Failure<?> failure, ProcessorContext<?, ?> context) {
        RecordMetadata source = context.recordMetadata().orElse(null);
        DeadLetter letter = new DeadLetter(stage, failure.reason(), source == null ? "" : source.topic(),
                source == null ? -1 : source.partition(), source == null ? -1 : source.offset());
        Record<byte[], byte[]> original = failure.original();
        DeadLetterRecord record = DeadLetterRecord.of(letter, original.key(), original.value(), original.headers());
        return new Record<>(record.key(), record.value(), original.timestamp(), record.headers());
    }

    /** The failure of {@code original} on an unexpected error: the kind of error only, the rest is for the log. */
    public <V> ProcessingResult<V> unexpected(Throwable error, Record<byte[], byte[]> original) {
        return ProcessingResult.failure(DeadLetter.unexpectedError(stage, error), original);
    }

    /** The dead letter of the source record of an exception that escaped a processor. */
    DeadLetterRecord of(ErrorHandlerContext context, Exception exception) {
        DeadLetter letter = new DeadLetter(stage, DeadLetter.unexpectedError(stage, exception), context.topic(),
                context.partition(), context.offset());
        return DeadLetterRecord.of(letter, context.sourceRawKey(), context.sourceRawValue(), context.headers());
    }

    /** {@code topic-partition@offset} of the record being processed, for log lines. */
    public static String origin(ProcessorContext<?, ?> context) {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }

    /**
     * For a DSL topology: the values of the successes of {@code results}, while each failure goes to
     * {@code deadLettersTopic} as its dead letter. The nodes are named {@code <name>-route-...},
     * {@code <name>-dead-letter}, {@code <name>-write-dead-letters} and {@code <name>-value}.
     */
    public <K, V> KStream<K, V> divert(KStream<K, ProcessingResult<V>> results, String deadLettersTopic,
                                       String name) {
        String route = name + "-route-";
        Map<String, KStream<K, ProcessingResult<V>>> routes = results.split(Named.as(route))
                .branch((k, v) -> v instanceof ProcessingResult.Failure, Branched.as("failures"))
                .defaultBranch(Branched.as("values"));
        routes.get(route + "failures")
                .process(() -> new DeadLettering<K, V>(this), Named.as(name + "-dead-letter"))
                .to(deadLettersTopic, Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                        .withName(name + "-write-dead-letters"));
        return routes.get(route + "values")
                .mapValues(v -> ((ProcessingResult.Success<V>) v).value(), Named.as(name + "-value"));
    }

    /** Forwards the dead letter of each failure it receives. */
    private static final class DeadLettering<K, V> implements Processor<K, ProcessingResult<V>, byte[], byte[]> {

        private final StreamsDeadLetters deadLetters;
        private ProcessorContext<byte[], byte[]> context;

        DeadLettering(StreamsDeadLetters deadLetters) {
            this.deadLetters = deadLetters;
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<K, ProcessingResult<V>> record) {
            if (record.value() instanceof ProcessingResult.Failure<V> failure) {
                context.forward(deadLetters.of(failure, context));
            }
        }
    }
}
