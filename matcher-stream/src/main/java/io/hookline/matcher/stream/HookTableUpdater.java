package io.hookline.matcher.stream;

import io.hookline.matcher.hook.HookChange;
import io.hookline.matcher.hook.HookChanges;
import io.hookline.matcher.index.TriggerIndex;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The global store's processor: applies each {@code webhook-configs} record to the store of valid hooks and to the
 * {@link TriggerIndex} derived from it. Invalid records are skipped here (the previous valid version stays); the
 * config audit application dead-letters them with the same decision.
 *
 * <p>Kafka Streams 4.4 runs this processor also while it restores the global store ({@code StreamsBuilder} and
 * {@code Topology#addGlobalStore} reprocess on restore, KAFKA-7663), and {@code KafkaStreams#start} returns only
 * after that restore: so after a restart every record is validated again and the full index is in place before any
 * stream thread matches a post. {@link #init} also rebuilds the index from the store, so whatever the store holds
 * when processing starts is what the index holds.
 */
public final class HookTableUpdater implements Processor<String, byte[], Void, Void> {

    private static final Logger LOG = LoggerFactory.getLogger(HookTableUpdater.class);

    private final String storeName;
    private final TriggerIndex index;
    private KeyValueStore<String, OutgoingWebhook> store;

    public HookTableUpdater(String storeName, TriggerIndex index) {
        this.storeName = storeName;
        this.index = index;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        store = context.getStateStore(storeName);
        List<OutgoingWebhook> hooks = new ArrayList<>();
        try (KeyValueIterator<String, OutgoingWebhook> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, OutgoingWebhook> entry = all.next();
                hooks.add(entry.value);
            }
        }
        index.replaceAll(hooks);
        LOG.debug("hook index rebuilt from store {}: {} live hooks", storeName, hooks.size());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        HookChange change = HookChanges.decide(record.key(), record.value());
        if (change instanceof HookChange.Upsert upsert) {
            store.put(upsert.hook().id(), upsert.hook());
            index.put(upsert.hook());
        } else if (change instanceof HookChange.Removal removal) {
            store.delete(removal.hookId());
            index.remove(removal.hookId());
        } else if (change instanceof HookChange.Rejection rejection) {
            LOG.debug("webhook-configs record {} not applied: {}", record.key(), rejection.reason());
        }
    }
}
