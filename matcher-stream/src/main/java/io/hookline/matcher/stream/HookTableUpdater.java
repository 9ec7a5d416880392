package io.hookline.matcher.stream;

import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global store's processor: applies each {@code webhook-configs} record to the {@link LiveHookStore} by
 * {@link HookLiveness}: the latest record of a hook decides, and an invalid one takes the hook out (fail closed) just
 * like a deletion; the config audit application dead-letters it with the same decision.
 *
 * <p>Kafka Streams 4.4 runs this processor also while it restores the global store ({@code StreamsBuilder} and
 * {@code Topology#addGlobalStore} reprocess on restore, KAFKA-7663), and {@code KafkaStreams#start} returns only
 * after that restore: so after a restart every record is validated again and the full index is in place before any
 * stream thread matches a post.
 */
public final class HookTableUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(HookTableUpdater.class);

    private final String storeName;
    private LiveHookStore store;

    public HookTableUpdater(String storeName) {
        this.storeName = storeName;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (store.apply(record.key(), record.value()) instanceof HookState.Rejected rejected) {
            LOG.debug("webhook-configs record {} rejected, the hook is not live: {}", record.key(), rejected.reason());
        }
    }
}
