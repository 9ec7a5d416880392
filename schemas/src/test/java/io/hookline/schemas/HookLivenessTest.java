package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HookLivenessTest {

    private static final JsonSerde<OutgoingWebhook> SERDE = JsonSerde.of(OutgoingWebhook.class);
    private static final OutgoingWebhook HOOK = Samples.hook();
    private static final String OTHER_ID = "otherotherotherotherother1";

    private static byte[] bytes(OutgoingWebhook hook) {
        return SERDE.toBytes(hook);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(HookState state) {
        assertThat(state).isInstanceOf(HookState.Rejected.class);
        return ((HookState.Rejected) state).reason();
    }

    @Test
    void aValidHookIsLive() {
        assertThat(HookLiveness.decide(HOOK.id(), bytes(HOOK))).isEqualTo(new HookState.Live(HOOK));
    }

    @Test
    void aTombstoneDeletesTheHookOfItsKey() {
        assertThat(HookLiveness.decide(HOOK.id(), null)).isEqualTo(new HookState.Deleted(HOOK.id()));
    }

    @Test
    void aRecordWithDeleteAtDeletesTheHook() {
        assertThat(HookLiveness.decide(HOOK.id(), bytes(HOOK.withDeleteAt(1_764_150_000_001L))))
                .isEqualTo(new HookState.Deleted(HOOK.id()));
    }

    @Test
    void aDeletionNeedNotBeOtherwiseValidButMustNameItsKey() {
        byte[] minimal = utf8("{\"id\": \"" + HOOK.id() + "\", \"delete_at\": 5}");
        assertThat(HookLiveness.decide(HOOK.id(), minimal)).isEqualTo(new HookState.Deleted(HOOK.id()));
        assertThat(HookLiveness.decide(HOOK.id(), utf8("{\"delete_at\": 5}")))
                .isEqualTo(new HookState.Deleted(HOOK.id()));
        assertThat(HookLiveness.decide(OTHER_ID, minimal)).isInstanceOf(HookState.Rejected.class);
    }

    @Test
    void anInvalidHookIsRejectedWithEveryViolationButNeverItsTokenAndKeepsTheParsedRecord() {
        OutgoingWebhook invalid = HOOK.withToken("short-secret-token").withTriggerWhen(2);
        HookState state = HookLiveness.decide(HOOK.id(), bytes(invalid));
        assertThat(reason(state)).contains("invalid hook " + HOOK.id()).contains("token: must be exactly 26 bytes")
                .contains("trigger_when").doesNotContain("short-secret-token");
        assertThat(((HookState.Rejected) state).parsed()).contains(invalid);
        assertThat(state.hookId()).isEqualTo(HOOK.id());
        assertThat(state.toString()).doesNotContain("short-secret-token").doesNotContain(HOOK.signingSecret());
    }

    @Test
    void aHookWithoutChannelAndWithoutTriggerWordsIsRejected() {
        OutgoingWebhook neither = HOOK.withChannelId("").withTriggerWords(List.of());
        assertThat(HookLiveness.decide(HOOK.id(), bytes(neither))).isEqualTo(new HookState.Rejected(HOOK.id(),
                "invalid hook " + HOOK.id()
                        + ": trigger_words: at least one trigger word is required when channel_id is empty",
                Optional.of(neither)));
    }

    @Test
    void malformedJsonIsRejectedWithoutQuotingTheInput() {
        String json = "{\"id\": \"" + HOOK.id() + "\", \"token\": tokensecretvalue1234567890}";
        HookState state = HookLiveness.decide(HOOK.id(), utf8(json));
        assertThat(reason(state))
                .startsWith("not a valid OutgoingWebhook JSON document: malformed JSON at line 1, column")
                .doesNotContain("tokensecretvalue");
        assertThat(((HookState.Rejected) state).parsed()).isEmpty();
    }

    @Test
    void aWrongTypeNamesTheFieldButNotTheValue() {
        String json = "{\"id\": \"" + HOOK.id() + "\", \"trigger_when\": \"whsec_secretish\"}";
        assertThat(reason(HookLiveness.decide(HOOK.id(), utf8(json))))
                .startsWith("not a valid OutgoingWebhook JSON document: field trigger_when has the wrong type "
                        + "(expected a whole number)")
                .doesNotContain("secretish");
    }

    @Test
    void jsonNullAndNonObjectsAreRejected() {
        assertThat(HookLiveness.decide("k", utf8("null"))).isInstanceOf(HookState.Rejected.class);
        assertThat(HookLiveness.decide("k", utf8("[1,2]"))).isInstanceOf(HookState.Rejected.class);
        assertThat(HookLiveness.decide("k", new byte[] {(byte) 0xff, 0x00})).isInstanceOf(HookState.Rejected.class);
    }

    @Test
    void theKeyMustBeTheHookIdAndARecordUnderAnotherKeyIsNeverOffered() {
        assertThat(HookLiveness.decide(OTHER_ID, bytes(HOOK))).isEqualTo(new HookState.Rejected(OTHER_ID,
                "the record key '" + OTHER_ID + "' differs from the hook id '" + HOOK.id()
                        + "'; the key must be the hook id", Optional.empty()));
        HookState invalidUnderAnotherKey = HookLiveness.decide(OTHER_ID, bytes(HOOK.withTriggerWhen(2)));
        assertThat(reason(invalidUnderAnotherKey)).startsWith("invalid hook " + OTHER_ID);
        assertThat(((HookState.Rejected) invalidUnderAnotherKey).parsed()).isEmpty();
        HookState keyless = HookLiveness.decide(null, bytes(HOOK));
        assertThat(keyless.hookId()).isNull();
        assertThat(reason(keyless)).startsWith("the record has no key");
        assertThat(HookLiveness.decide("", null)).isInstanceOf(HookState.Rejected.class);
    }

    @Test
    void aMalformedSigningSecretIsRejectedWithoutEchoingIt() {
        HookState state = HookLiveness.decide(HOOK.id(), bytes(HOOK.withSigningSecret("whsec_tooShortSecretX")));
        assertThat(reason(state)).contains("signing_secret").doesNotContain("tooShortSecretX");
    }

    @Test
    void aLiveStatePrintsNoSecret() {
        assertThat(new HookState.Live(HOOK).toString()).contains(HOOK.id()).doesNotContain(HOOK.token())
                .doesNotContain(HOOK.signingSecret());
    }
}
