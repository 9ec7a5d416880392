package io.hookline.runtime.streams;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for an exception that escapes a stage's processors (they dead-letter what they can themselves,
 * through {@link ProcessingResult}): the source record goes to {@code dead-letters} whole, with Hookline's
 * {@code hookline.dlq.*} headers like every other dead letter of the stage (instead of Streams' own
 * {@code __streams.errors.*} ones, which carry the exception message and stack trace and so could carry a hook's
 * token), and the stream goes on. Without a source record (a punctuation) there is nothing to park: logged and
 * skipped.
 *
 * <p>Except in the application's fail-fast processors (say, the matcher's global hook table, where skipping a record
 * would silently drop a hook change and a deleted hook would keep firing): there the handler answers {@code fail}, so
 * the application stops and the operator sees it.
 *
 * <p>Configured by {@link StreamsApp#properties}.
 */
public final class DeadLetteringExceptionHandler implements ProcessingExceptionHandler {

    /** Streams property: the dead-letters topic this handler writes to. */
    static final String DEAD_LETTERS_TOPIC_CONFIG = "hookline.dead-letters.topic";
    /** Streams property: the stage named in the dead letters. */
    static final String STAGE_CONFIG = "hookline.dead-letters.stage";
    /** Streams property: comma-separated names of processors whose errors stop the application. */
    static final String FAIL_FAST_PROCESSORS_CONFIG = "hookline.fail-fast-processors";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringExceptionHandler.class);

    private String deadLettersTopic;
    private StreamsDeadLetters deadLetters;
    private Set<String> failFast = Set.of();

    @Override
    public void configure(Map<String, ?> configs) {
        deadLettersTopic = required(configs, DEAD_LETTERS_TOPIC_CONFIG);
        deadLetters = new StreamsDeadLetters(required(configs, STAGE_CONFIG));
        Object names = configs.get(FAIL_FAST_PROCESSORS_CONFIG);
        if (names != null) {
            failFast = Arrays.stream(names.toString().split(",")).map(String::strip).filter(n -> !n.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    private static String required(Map<String, ?> configs, String name) {
        Object value = configs.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new ConfigException(name, value, "the dead-lettering processing exception handler needs it");
        }
        return value.toString();
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
        return Response.resume(List.of(deadLetters.of(context, exception).toProducerRecord(deadLettersTopic,
                context.timestamp())));
    }
}
