package io.hookline.ingestor.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The delivery ids the ingestor has handled, with when it handled them: a persistent store backed by a changelog
 * topic, so it survives restarts and moves with its partition. Outcomes of one delivery share their record key
 * ({@code <hook_id>:<channel_id>}), hence their partition and their store. Under exactly-once the store update, the
 * produced commands and the input offset commit in one transaction, so "seen" and "published" never disagree.
 *
 * <p>Retention: an entry is purged once it is older than the retention (a week by default), by a wall-clock
 * punctuator. A repeated outcome arrives when the dispatcher re-delivers after losing an acknowledgement, which is
 * seconds to hours later, far inside a week.
 */
final class DeliveryDedup {

    static final String STORE = "ingestor-delivery-dedup";

    private final KeyValueStore<String, Long> store;
    private final Duration retention;

    DeliveryDedup(KeyValueStore<String, Long> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    static StoreBuilder<KeyValueStore<String, Long>> storeBuilder() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long())
                .withLoggingEnabled(java.util.Map.of());
    }

    boolean seen(String deliveryId) {
        return store.get(deliveryId) != null;
    }

    void remember(String deliveryId, long nowMs) {
        store.put(deliveryId, nowMs);
    }

    /** Forgets every delivery handled longer than the retention ago; returns how many. */
    int purge(long nowMs) {
        long oldest = nowMs - retention.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> e = it.next();
                if (e.value == null || e.value < oldest) {
                    expired.add(e.key);
                }
            }
        }
        expired.forEach(store::delete);
        return expired.size();
    }

    /** How often to purge: an hour, or the retention when it is shorter. */
    Duration purgeInterval() {
        return retention.compareTo(Duration.ofHours(1)) < 0 ? retention : Duration.ofHours(1);
    }
}
