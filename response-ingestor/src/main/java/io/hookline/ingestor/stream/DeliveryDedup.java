package io.hookline.ingestor.stream;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The delivery ids the ingestor has handled, each at the wall-clock time it handled it: a persistent window store
 * backed by a changelog topic, so it survives restarts and moves with its partition. Outcomes of one delivery share
 * their record key ({@code <hook_id>:<channel_id>}), hence their partition and their store. Under exactly-once the
 * store update, the produced commands and the input offset commit in one transaction, so "seen" and "published" never
 * disagree.
 *
 * <p>A delivery id is seen while the store holds an entry for it younger than the retention (a week by default).
 * Forgetting costs nothing per entry: the store keeps entries in time segments and drops a whole segment once all of
 * it is older than the retention, and Streams gives the changelog topic a matching time retention. A repeated outcome
 * arrives when the dispatcher re-delivers after losing an acknowledgement, seconds to hours later, far inside a week.
 */
final class DeliveryDedup {

    static final String STORE = "ingestor-handled-deliveries";
    /** An entry marks the instant its delivery was handled; the window means nothing more here. */
    private static final Duration WINDOW = Duration.ofMillis(1);

    private final WindowStore<String, Long> store;
    private final Duration retention;

    DeliveryDedup(WindowStore<String, Long> store, Duration retention) {
        this.store = store;
        this.retention = retention;
    }

    static StoreBuilder<WindowStore<String, Long>> storeBuilder(Duration retention) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(STORE, retention, WINDOW, false),
                Serdes.String(), Serdes.Long()).withLoggingEnabled(Map.of());
    }

    /** Whether {@code deliveryId} was handled within the retention before {@code nowMs}, or after it (a clock step). */
    boolean seen(String deliveryId, long nowMs) {
        try (WindowStoreIterator<Long> handled = store.fetch(deliveryId, nowMs - retention.toMillis(),
                Long.MAX_VALUE)) {
            return handled.hasNext();
        }
    }

    void remember(String deliveryId, long nowMs) {
        store.put(deliveryId, nowMs, nowMs);
    }
}
