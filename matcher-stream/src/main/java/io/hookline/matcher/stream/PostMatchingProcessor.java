package io.hookline.matcher.stream;

import io.hookline.matcher.index.TriggerIndex;
import io.hookline.matcher.trigger.Triggering;
import io.hookline.runtime.streams.ProcessingResult;
import io.hookline.runtime.streams.StreamsDeadLetters;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads post records as bytes, so that a malformed one never stops the stream: it goes to the dead-letter sink whole,
 * with the reason. Every other post is matched, and each match becomes one trigger per callback URL. An unexpected
 * error (a bug) while reading or matching a post dead-letters that post too, with our headers, and the stream goes on.
 */
public final class PostMatchingProcessor implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PostMatchingProcessor.class);
    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);

    private final String hookStore;
    private final Function<TriggerIndex, Triggering> triggeringOver;
    private final String triggersSink;
    private final String deadLettersSink;
    private ProcessorContext<Object, Object> context;
    private Triggering triggering;

    /**
     * @param hookStore      the name of the global {@link LiveHookStore}
     * @param triggeringOver what a post triggers, given the live hooks of that store
     */
    public PostMatchingProcessor(String hookStore, Function<TriggerIndex, Triggering> triggeringOver,
                                 String triggersSink, String deadLettersSink) {
        this.hookStore = hookStore;
        this.triggeringOver = triggeringOver;
        this.triggersSink = triggersSink;
        this.deadLettersSink = deadLettersSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        LiveHookStore hooks = context.getStateStore(hookStore);
        this.triggering = triggeringOver.apply(hooks.index());
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        ProcessingResult<List<WebhookTrigger>> result;
        try {
            result = match(record);
        } catch (RuntimeException e) {
            // The log gets the stack trace; the dead letter only the kind of error, since a message may quote a hook
            // (its token, its signing secret) and dead letters are read by people who must not see those.
            LOG.error("unexpected error while matching the post record at {}; it is dead-lettered",
                    StreamsDeadLetters.origin(context), e);
            result = DeadLetters.MATCHER.unexpected(e, record);
        }
        if (result instanceof ProcessingResult.Failure<List<WebhookTrigger>> failure) {
            LOG.warn("post record dead-lettered: {}", failure.reason());
            context.forward(DeadLetters.MATCHER.of(failure, context), deadLettersSink);
        } else if (result instanceof ProcessingResult.Success<List<WebhookTrigger>> triggers) {
            for (WebhookTrigger trigger : triggers.value()) {
                // fresh headers: the post's headers belong to the post, not to the delivery job
                context.forward(new Record<>(trigger.partitionKey(), trigger, record.timestamp(),
                        new RecordHeaders()), triggersSink);
            }
        }
    }

    private ProcessingResult<List<WebhookTrigger>> match(Record<byte[], byte[]> record) {
        byte[] value = record.value();
        if (value == null) {
            return ProcessingResult.failure("the post record has no value (a tombstone); a post event is required",
                    record);
        }
        PostEvent event;
        try {
            event = POSTS.fromBytes(value);
        } catch (SerializationException e) {
            return ProcessingResult.failure(e.getMessage(), record);
        }
        List<String> problems = event.problems();
        if (!problems.isEmpty()) {
            return ProcessingResult.failure("unusable post event: " + String.join("; ", problems), record);
        }
        // wall-clock time of acceptance, not the post's time: it tells how long the trigger waited downstream
        return ProcessingResult.success(triggering.triggersOf(event, context.currentSystemTimeMs()));
    }
}
