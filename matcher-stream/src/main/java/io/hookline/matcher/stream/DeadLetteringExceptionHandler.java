package io.hookline.matcher.stream;

import io.hookline.schemas.deadletter.DeadLetter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for an exception that escapes the matcher's processors (they dead-letter what they can themselves):
 * the source record goes to {@code dead-letters} whole, with Hookline's {@code hookline.dlq.*} headers like every other
 * dead letter of the matcher (instead of Streams' own {@code __streams.errors.*} ones, which carry the exception
 * message and stack trace and so could carry a hook's token), and the stream goes on. Without a source record (a
 * punctuation) there is nothing to park: logged and skipped.
 *
 * <p>Except in the processors named by {@link #FAIL_FAST_PROCESSORS_CONFIG}: the global hook table's processor, where
 * skipping a record would silently drop a hook change (a deleted hook would keep firing). There the handler answers
 * {@code fail}, so the application stops and the operator sees it, which is also what Streams did before it offered
 * the handler to the global thread (KIP-1270; the default from Kafka 5.0).
 *
 * <p>Configured by {@link #DEAD_LETTERS_TOPIC_CONFIG} and {@link #FAIL_FAST_PROCESSORS_CONFIG} among the Streams
 * properties.
 */
public final class DeadLetteringExceptionHandler implements ProcessingExceptionHandler {

    /** Streams property naming the dead-letters topic this handler writes to. */
    public static final String DEAD_LETTERS_TOPIC_CONFIG = "hookline.matcher.dead-letters-topic";
    /** Streams property: comma-separated names of processors whose errors stop the application. */
    public static final String FAIL_FAST_PROCESSORS_CONFIG = "hookline.matcher.fail-fast-processors";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private String deadLettersTopic;
    private Set<String> failFast = Set.of();

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(DEAD_LETTERS_TOPIC_CONFIG);
        if (topic == null || topic.toString().isBlank()) {
            throw new ConfigException(DEAD_LETTERS_TOPIC_CONFIG, topic,
                    "the matcher's processing exception handler needs the dead-letters topic");
        }
        deadLettersTopic = topic.toString();
        Object names = configs.get(FAIL_FAST_PROCESSORS_CONFIG);
        if (names != null) {
            failFast = Arrays.stream(names.toString().split(",")).map(String::strip).filter(n -> !n.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        String origin = context.topic() + "-" + context.partition() + "@" + context.offset();
        if (failFast.contains(context.processorNodeId())) {
            LOG.error("unexpected error in processor {} while processing the record at {}; stopping, since skipping "
                    + "it would lose a change", context.processorNodeId(), origin, exception);
            return Response.fail();
        }
        if (context.topic() == null) {
            LOG.error("unexpected error in processor {} without a source record to dead-letter ({}); skipped",
                    context.processorNodeId(), origin, exception);
            return Response.resume();
        }
        LOG.error("unexpected error in processor {} while processing the record at {}; it is dead-lettered",
                context.processorNodeId(), origin, exception);
        DeadLetter letter = new DeadLetter(DeadLetters.STAGE, DeadLetters.unexpected(exception), context.topic(),
                context.partition(), context.offset());
        return Response.resume(List.of(new ProducerRecord<>(deadLettersTopic, null, context.timestamp(),
                context.sourceRawKey(), context.sourceRawValue(), DeadLetters.headers(context.headers(), letter))));
    }
}
