package io.hookline.matcher.stream;

import io.hookline.matcher.hook.HookChange;
import io.hookline.matcher.hook.HookChanges;
import io.hookline.runtime.streams.ProcessingResult;
import io.hookline.runtime.streams.StreamsDeadLetters;
import java.nio.charset.StandardCharsets;
import java.util.function.BiFunction;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-letters every {@code webhook-configs} record the hook table does not apply, with the same decision
 * ({@link HookChanges#decide}) and therefore the same reason. Valid records produce nothing here.
 */
public final class HookConfigAuditor implements Processor<byte[], byte[], byte[], byte[]> {

    private static final Logger LOG = LoggerFactory.getLogger(HookConfigAuditor.class);

    private final String deadLettersSink;
    private final BiFunction<String, byte[], HookChange> decision;
    private ProcessorContext<byte[], byte[]> context;

    public HookConfigAuditor(String deadLettersSink) {
        this(deadLettersSink, HookChanges::decide);
    }

    /** With another decision than the hook table's: the seam through which a test makes the decision fail. */
    HookConfigAuditor(String deadLettersSink, BiFunction<String, byte[], HookChange> decision) {
        this.deadLettersSink = deadLettersSink;
        this.decision = decision;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        ProcessingResult<HookChange> result;
        try {
            HookChange change = decision.apply(key, record.value());
            result = change instanceof HookChange.Rejection rejection
                    ? ProcessingResult.failure(rejection.reason(), record) : ProcessingResult.success(change);
        } catch (RuntimeException e) {
            // decide is meant to turn every input into a decision, so this is a bug; the record is a hook with its
            // token, so only the kind of error goes into the dead letter, the stack trace into the log
            LOG.error("unexpected error while auditing the webhook-configs record at {}; it is dead-lettered",
                    StreamsDeadLetters.origin(context), e);
            result = DeadLetters.MATCHER.unexpected(e, record);
        }
        if (result instanceof ProcessingResult.Failure<HookChange> failure) {
            LOG.warn("webhook-configs record {} rejected, previous version stays in force: {}", key, failure.reason());
            context.forward(DeadLetters.MATCHER.of(failure, context), deadLettersSink);
        }
    }
}
