package io.hookline.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.matcher.testing.Hooks;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.JsonSerde;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.processor.StateRestoreCallback;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.junit.jupiter.api.Test;

/** The hook store applies the liveness rule, whether a record comes through the processor or a raw restore. */
class LiveHookStoreTest {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);

    private final OutgoingWebhook hook = Hooks.hook("stored").words("bug").build();
    private final StoreBuilder<LiveHookStore> builder = LiveHookStore.builder("test-hooks");

    @Test
    void theLatestRecordDecidesAndAnInvalidOneTakesTheHookOut() {
        LiveHookStore store = builder.build();
        assertThat(store.apply(hook.id(), HOOKS.toBytes(hook))).isEqualTo(new HookState.Live(hook));
        assertThat(store.index().hook(hook.id())).contains(hook);

        HookState rejected = store.apply(hook.id(), HOOKS.toBytes(hook.withCallbackUrls(java.util.List.of())));
        assertThat(rejected).isInstanceOf(HookState.Rejected.class);
        assertThat(store.index().hook(hook.id())).isEmpty();

        store.apply(hook.id(), HOOKS.toBytes(hook));
        store.apply(hook.id(), null);
        assertThat(store.index().size()).isZero();
    }

    @Test
    void aRawRestoreGoesThroughTheSameRule() {
        LiveHookStore store = builder.build();
        AtomicReference<StateRestoreCallback> registered = new AtomicReference<>();
        StateStoreContext context = (StateStoreContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StateStoreContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("register")) {
                        assertThat(args[0]).isSameAs(store);
                        registered.set((StateRestoreCallback) args[1]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThat(store.isOpen()).isFalse();
        store.init(context, store);
        assertThat(store.isOpen()).isTrue();

        byte[] key = hook.id().getBytes(StandardCharsets.UTF_8);
        registered.get().restore(key, HOOKS.toBytes(hook));
        assertThat(store.index().hook(hook.id())).contains(hook);
        registered.get().restore(key, "{not json".getBytes(StandardCharsets.UTF_8));
        assertThat(store.index().hook(hook.id())).isEmpty();

        store.close();
        assertThat(store.isOpen()).isFalse();
    }

    @Test
    void theStoreIsInMemoryWithoutChangelogOrCache() {
        assertThat(builder.build().persistent()).isFalse();
        assertThat(builder.name()).isEqualTo("test-hooks");
        assertThat(builder.loggingEnabled()).isFalse();
        assertThat(builder.logConfig()).isEmpty();
        assertThat(builder.withLoggingDisabled().withCachingDisabled()).isSameAs(builder);
        assertThatThrownBy(() -> builder.withLoggingEnabled(Map.of())).hasMessageContaining("its source topic");
        assertThatThrownBy(builder::withCachingEnabled).hasMessageContaining("no cache");
    }
}
