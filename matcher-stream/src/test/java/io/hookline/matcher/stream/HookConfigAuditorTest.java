package io.hookline.matcher.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.matcher.testing.Hooks;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** The config auditor dead-letters what the hook table will not apply, and survives a bug in that decision. */
class HookConfigAuditorTest {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final String SINK = "dead-letters-sink";

    private final OutgoingWebhook hook = Hooks.hook("audited").words("deploy").secret(Hooks.SECRET).build();
    private final byte[] key = hook.id().getBytes(StandardCharsets.UTF_8);
    private final byte[] value = HOOKS.toBytes(hook);

    @Test
    void aValidHookProducesNothing() {
        MockProcessorContext<byte[], byte[]> context = audit(new HookConfigAuditor(SINK), value);
        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void aRejectedHookIsDeadLetteredWithTheHookTablesReason() {
        byte[] broken = "{\"id\": 7}".getBytes(StandardCharsets.UTF_8);
        MockProcessorContext<byte[], byte[]> context = audit(new HookConfigAuditor(SINK), broken);

        var forwarded = context.forwarded();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).childName()).contains(SINK);
        HookState decision = HookLiveness.decide(hook.id(), broken);
        assertThat(decision).isInstanceOf(HookState.Rejected.class);
        assertThat(DeadLetter.from(forwarded.get(0).record().headers()).reason())
                .isEqualTo(((HookState.Rejected) decision).reason());
    }

    @Test
    void anUnexpectedErrorDeadLettersTheRecordWholeWithOurHeadersAndNoSecret() {
        HookConfigAuditor auditor = new HookConfigAuditor(SINK, (k, v) -> {
            throw new IllegalStateException("bug while reading " + new String(v, StandardCharsets.UTF_8));
        });
        MockProcessorContext<byte[], byte[]> context = audit(auditor, value);

        var forwarded = context.forwarded();
        assertThat(forwarded).hasSize(1);
        assertThat(forwarded.get(0).childName()).contains(SINK);
        var letter = forwarded.get(0).record();
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value()).isEqualTo(value);
        assertThat(DeadLetter.from(letter.headers())).isEqualTo(new DeadLetter("matcher",
                "unexpected error in the matcher: java.lang.IllegalStateException", "webhook-configs", 2, 41L));
        List<String> headerText = StreamSupport.stream(letter.headers().spliterator(), false)
                .map(Header::value).map(b -> new String(b, StandardCharsets.UTF_8)).toList();
        assertThat(headerText).noneMatch(h -> h.contains(Hooks.TOKEN) || h.contains(Hooks.SECRET));
    }

    private MockProcessorContext<byte[], byte[]> audit(HookConfigAuditor auditor, byte[] configValue) {
        MockProcessorContext<byte[], byte[]> context = new MockProcessorContext<>();
        context.setRecordMetadata("webhook-configs", 2, 41L);
        auditor.init(context);
        auditor.process(new Record<>(key, configValue, 5L));
        return context;
    }
}
