package io.hookline.matcher.stream;

import io.hookline.matcher.index.TriggerIndex;
import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The matcher's global state store: the live hooks of {@code webhook-configs}, held as the {@link TriggerIndex} that
 * matching reads. The hook table's processor writes it ({@link #apply}, on the global thread); every stream task
 * reads it through {@code context.getStateStore}. In memory on purpose: nothing is checkpointed, so every start
 * replays the whole compacted topic through {@link HookLiveness} and the index is complete before matching starts.
 */
public final class LiveHookStore implements StateStore {

    private final String name;
    private final TriggerIndex index = new TriggerIndex();
    private volatile boolean open;

    LiveHookStore(String name) {
        this.name = name;
    }

    /** A builder of the store {@code name}, for {@code Topology#addGlobalStore}. */
    public static StoreBuilder<LiveHookStore> builder(String name) {
        return new Builder(name);
    }

    /**
     * Applies the record ({@code key}, {@code value}; null value: tombstone) to the hook of {@code key} and returns
     * what {@link HookLiveness} made of it: a live hook goes in, anything else takes the hook out.
     */
    public HookState apply(String key, byte[] value) {
        HookState state = HookLiveness.decide(key, value);
        if (state instanceof HookState.Live live) {
            index.put(live.hook());
        } else if (state.hookId() != null) {
            index.remove(state.hookId());
        }
        return state;
    }

    /** The live hooks, indexed for matching; safe to read from any thread while the global thread writes. */
    public TriggerIndex index() {
        return index;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        // Kafka Streams 4.4 restores a global store by reprocessing the topic through the store's processor, which
        // calls apply; should it ever copy raw records instead, they go through the same rule here.
        context.register(root, (key, value) -> apply(key == null ? null : new String(key, StandardCharsets.UTF_8),
                value));
        open = true;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Builds the in-memory store; neither logging (a global store's changelog is its source topic) nor caching. */
    private record Builder(String name) implements StoreBuilder<LiveHookStore> {

        @Override
        public StoreBuilder<LiveHookStore> withCachingEnabled() {
            throw new UnsupportedOperationException("store " + name + " applies every record at once: no cache");
        }

        @Override
        public StoreBuilder<LiveHookStore> withCachingDisabled() {
            return this;
        }

        @Override
        public StoreBuilder<LiveHookStore> withLoggingEnabled(Map<String, String> config) {
            throw new UnsupportedOperationException("store " + name + " is global: its changelog is its source topic");
        }

        @Override
        public StoreBuilder<LiveHookStore> withLoggingDisabled() {
            return this;
        }

        @Override
        public LiveHookStore build() {
            return new LiveHookStore(name);
        }

        @Override
        public Map<String, String> logConfig() {
            return Map.of();
        }

        @Override
        public boolean loggingEnabled() {
            return false;
        }
    }
}
