package io.hookline.matcher.stream;

import io.hookline.matcher.index.HookMatch;
import io.hookline.matcher.rule.PostMatcher;
import io.hookline.matcher.trigger.TriggerFactory;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads post records as bytes, so that a malformed one never stops the stream: it goes to the dead-letter sink whole,
 * with the reason. Every other post is matched, and each match becomes one trigger per callback URL.
 */
public final class PostMatchingProcessor implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(PostMatchingProcessor.class);
    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);

    private final PostMatcher matcher;
    private final String triggersSink;
    private final String deadLettersSink;
    private ProcessorContext<Object, Object> context;

    public PostMatchingProcessor(PostMatcher matcher, String triggersSink, String deadLettersSink) {
        this.matcher = matcher;
        this.triggersSink = triggersSink;
        this.deadLettersSink = deadLettersSink;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null) {
            deadLetter(record, "the post record has no value (a tombstone); a post event is required");
            return;
        }
        PostEvent event;
        try {
            event = POSTS.fromBytes(record.value());
        } catch (SerializationException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        List<String> problems = event.problems();
        if (!problems.isEmpty()) {
            deadLetter(record, "unusable post event: " + String.join("; ", problems));
            return;
        }
        List<HookMatch> matches = matcher.matches(event);
        if (matches.isEmpty()) {
            return;
        }
        // wall-clock time of acceptance, not the post's time: it tells how long the trigger waited downstream
        long triggeredAt = context.currentSystemTimeMs();
        for (HookMatch match : matches) {
            for (WebhookTrigger trigger : TriggerFactory.triggers(event, match, triggeredAt)) {
                // fresh headers: the post's headers belong to the post, not to the delivery job
                context.forward(new Record<>(trigger.partitionKey(), trigger, record.timestamp(), new RecordHeaders()),
                        triggersSink);
            }
        }
    }

    private void deadLetter(Record<byte[], byte[]> record, String reason) {
        Record<byte[], byte[]> letter = DeadLetters.of(record, reason, context);
        LOG.warn("post record dead-lettered: {}", reason);
        context.forward(letter, deadLettersSink);
    }
}
