package io.hookline.ingestor.stream;

import io.hookline.ingestor.outcome.CommandSize;
import io.hookline.ingestor.outcome.Handling;
import io.hookline.ingestor.outcome.OutcomeHandler;
import io.hookline.runtime.streams.ProcessingResult;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code webhook-responses} records as raw bytes (so that a record that is not a {@code DeliveryOutcome} can be
 * dead-lettered whole), drops a repeated outcome of a delivery already handled, and forwards what
 * {@link OutcomeHandler} decides on: each command as a success, or a failure that {@link ResponseStream} turns into
 * the record's dead letter.
 */
final class ResponseProcessor implements Processor<byte[], byte[], String, ProcessingResult<PostCommand>> {

    /** Header on a command whose response lost something to sanitising: what, in plain words, one per line. */
    static final String REMOVED_HEADER = "hookline.ingestor.removed";
    static final int MAX_REMOVED_CHARS = 4000;

    private static final Logger LOG = LoggerFactory.getLogger(ResponseProcessor.class);

    private final OutcomeHandler handler;
    private final Duration retention;
    private final JsonSerde<DeliveryOutcome> outcomes = JsonSerde.of(DeliveryOutcome.class);
    private final CommandSize sizes = new CommandSize();
    private final String stage;
    private ProcessorContext<String, ProcessingResult<PostCommand>> context;
    private DeliveryDedup dedup;

    /** @param stage the stage named in the reason of a record given up on an unexpected error */
    ResponseProcessor(OutcomeHandler handler, Duration retention, String stage) {
        this.handler = handler;
        this.retention = retention;
        this.stage = stage;
    }

    @Override
    public void init(ProcessorContext<String, ProcessingResult<PostCommand>> context) {
        this.context = context;
        this.dedup = new DeliveryDedup(context.getStateStore(DeliveryDedup.STORE), retention);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        DeliveryOutcome outcome;
        try {
            outcome = outcomes.deserialize(topic(), record.value());
        } catch (SerializationException e) {
            deadLetter(record, DeadLetter.withoutQuotedInput(e.getMessage()));
            return;
        }
        if (outcome == null) {
            deadLetter(record, "the record has no value: a delivery outcome was expected");
            return;
        }
        String deliveryId = outcome.deliveryId();
        if (deliveryId != null && !deliveryId.isEmpty() && dedup.seen(deliveryId, context.currentSystemTimeMs())) {
            LOG.info("dropped a repeated outcome of delivery {} ({}): it was already handled", deliveryId,
                    outcome.isInteraction() ? "an interaction"
                            : "hook " + (outcome.trigger() == null ? "?" : outcome.trigger().hookId()));
            return;
        }
        Handling handling;
        try {
            handling = handler.handle(outcome);
        } catch (RuntimeException e) {
            // A bug must not turn one odd record into a stopped pipeline: park the record with what went wrong.
            LOG.error("delivery {}: unexpected error while handling its outcome", deliveryId, e);
            handling = new Handling.Reject(DeadLetter.unexpectedError(stage, e));
        }
        if (handling instanceof Handling.Publish publish) {
            publish(record, outcome, publish);
        } else if (handling instanceof Handling.Reject reject) {
            LOG.warn("delivery {} cannot become a post: {}", deliveryId, reject.reason());
            deadLetter(record, reject.reason());
        } else if (handling instanceof Handling.Nothing nothing) {
            LOG.debug("delivery {}: nothing to post ({})", deliveryId, nothing.why());
        }
        if (deliveryId != null && !deliveryId.isEmpty()) {
            dedup.remember(deliveryId, context.currentSystemTimeMs());
        }
    }

    private void publish(Record<byte[], byte[]> record, DeliveryOutcome outcome, Handling.Publish publish) {
        for (PostCommand command : publish.commands()) {
            // an action's update is checked before it gets here: the click is answered with an error instead
            int bytes = sizes.bytes(command);
            if (!CommandSize.fits(bytes)) {
                deadLetter(record, "post command " + command.id() + " would be " + bytes + " bytes, more than "
                        + "the " + CommandSize.MAX_BYTES + " a Kafka record may have");
                return;
            }
        }
        String removed = summary(publish.removed());
        if (!removed.isEmpty()) {
            LOG.warn("delivery {} ({}): removed from the response: {}", outcome.deliveryId(),
                    outcome.isInteraction() ? "an interaction"
                            : "hook " + (outcome.trigger() == null ? "?" : outcome.trigger().hookId()),
                    removed.replace('\n', ';'));
        }
        for (PostCommand command : publish.commands()) {
            Headers headers = new RecordHeaders();
            if (!removed.isEmpty()) {
                headers.add(REMOVED_HEADER, removed.getBytes(StandardCharsets.UTF_8));
            }
            context.forward(new Record<>(publish.key(), ProcessingResult.success(command),
                    record.timestamp(), headers));
        }
    }

    /** The removal notes, one per line, cut after {@link #MAX_REMOVED_CHARS} so the header stays small. */
    static String summary(java.util.List<String> removed) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < removed.size(); i++) {
            String line = removed.get(i);
            if (out.length() + line.length() + 1 > MAX_REMOVED_CHARS) {
                out.append("... and ").append(removed.size() - i).append(" more");
                break;
            }
            out.append(line).append(i + 1 < removed.size() ? "\n" : "");
        }
        return out.toString();
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason) {
        // the dead letter is made downstream, from the original record the failure carries
        context.forward(new Record<>(null, ProcessingResult.failure(reason, record), record.timestamp()));
    }

    private String topic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse(null);
    }
}
