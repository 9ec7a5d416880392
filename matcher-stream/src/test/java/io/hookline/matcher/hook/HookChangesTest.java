package io.hookline.matcher.hook;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.matcher.testing.Hooks;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HookChangesTest {

    private static final JsonSerde<OutgoingWebhook> SERDE = JsonSerde.of(OutgoingWebhook.class);

    private static byte[] bytes(OutgoingWebhook hook) {
        return SERDE.toBytes(hook);
    }

    @Test
    void aValidLiveHookIsUpserted() {
        OutgoingWebhook hook = Hooks.exact("a", Hooks.hook("a").build().teamId(), "bug");
        assertThat(HookChanges.decide(hook.id(), bytes(hook))).isEqualTo(new HookChange.Upsert(hook));
    }

    @Test
    void aTombstoneRemovesTheHookOfItsKey() {
        assertThat(HookChanges.decide(Hooks.id("a"), null)).isEqualTo(new HookChange.Removal(Hooks.id("a")));
    }

    @Test
    void aValidRecordWithDeleteAtRemovesTheHook() {
        OutgoingWebhook hook = Hooks.hook("a").words("bug").deleteAt(1_700_000_000_001L).build();
        assertThat(HookChanges.decide(hook.id(), bytes(hook))).isEqualTo(new HookChange.Removal(hook.id()));
    }

    @Test
    void aDeletionNeedNotBeOtherwiseValidButMustNameItsKey() {
        byte[] minimal = ("{\"id\": \"" + Hooks.id("a") + "\", \"delete_at\": 5}").getBytes(StandardCharsets.UTF_8);
        assertThat(HookChanges.decide(Hooks.id("a"), minimal)).isEqualTo(new HookChange.Removal(Hooks.id("a")));
        byte[] noId = "{\"delete_at\": 5}".getBytes(StandardCharsets.UTF_8);
        assertThat(HookChanges.decide(Hooks.id("a"), noId)).isEqualTo(new HookChange.Removal(Hooks.id("a")));
        assertThat(HookChanges.decide(Hooks.id("b"), minimal)).isInstanceOf(HookChange.Rejection.class);
    }

    @Test
    void anInvalidHookIsRejectedWithEveryViolationButNeverItsToken() {
        OutgoingWebhook hook = Hooks.hook("a").words("bug").token("short-secret-token").when(2).build();
        HookChange change = HookChanges.decide(hook.id(), bytes(hook));
        assertThat(change).isInstanceOf(HookChange.Rejection.class);
        String reason = ((HookChange.Rejection) change).reason();
        assertThat(reason).contains("invalid hook " + hook.id()).contains("token: must be exactly 26 characters")
                .contains("trigger_when").doesNotContain("short-secret-token");
    }

    @Test
    void aHookWithoutChannelAndWithoutTriggerWordsIsRejected() {
        OutgoingWebhook hook = Hooks.hook("a").build();
        assertThat(HookChanges.decide(hook.id(), bytes(hook)))
                .isEqualTo(new HookChange.Rejection("invalid hook " + hook.id()
                        + ": trigger_words: at least one trigger word is required when channel_id is empty"));
    }

    @Test
    void malformedJsonIsRejectedWithoutQuotingTheInput() {
        String json = "{\"id\": \"" + Hooks.id("a") + "\", \"token\": tokensecretvalue1234567890}";
        HookChange change = HookChanges.decide(Hooks.id("a"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(change).isInstanceOf(HookChange.Rejection.class);
        assertThat(((HookChange.Rejection) change).reason())
                .startsWith("not a valid OutgoingWebhook JSON document: malformed JSON at line 1, column")
                .doesNotContain("tokensecretvalue");
    }

    @Test
    void aWrongTypeNamesTheFieldButNotTheValue() {
        String json = "{\"id\": \"" + Hooks.id("a") + "\", \"trigger_when\": \"whsec_secretish\"}";
        HookChange change = HookChanges.decide(Hooks.id("a"), json.getBytes(StandardCharsets.UTF_8));
        assertThat(((HookChange.Rejection) change).reason())
                .startsWith("not a valid OutgoingWebhook JSON document: field trigger_when has the wrong type "
                        + "(expected a whole number)")
                .doesNotContain("secretish");
    }

    @Test
    void jsonNullAndNonObjectsAreRejected() {
        assertThat(HookChanges.decide("k", "null".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(HookChange.Rejection.class);
        assertThat(HookChanges.decide("k", "[1,2]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(HookChange.Rejection.class);
        assertThat(HookChanges.decide("k", new byte[] {(byte) 0xff, 0x00}))
                .isInstanceOf(HookChange.Rejection.class);
    }

    @Test
    void theKeyMustBeTheHookId() {
        OutgoingWebhook hook = Hooks.exact("a", Hooks.hook("a").build().teamId(), "bug");
        assertThat(HookChanges.decide(Hooks.id("b"), bytes(hook))).isEqualTo(new HookChange.Rejection(
                "the record key '" + Hooks.id("b") + "' differs from the hook id '" + hook.id()
                        + "'; the key must be the hook id"));
        assertThat(HookChanges.decide(null, bytes(hook))).isInstanceOf(HookChange.Rejection.class);
        assertThat(HookChanges.decide("", null)).isInstanceOf(HookChange.Rejection.class);
    }

    @Test
    void aMalformedSigningSecretIsRejectedWithoutEchoingIt() {
        OutgoingWebhook hook = Hooks.hook("a").words("bug").secret("whsec_tooShortSecretX").build();
        HookChange change = HookChanges.decide(hook.id(), bytes(hook));
        assertThat(((HookChange.Rejection) change).reason()).contains("signing_secret")
                .doesNotContain("tooShortSecretX");
    }
}
