package io.hookline.cli.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.List;
import org.junit.jupiter.api.Test;

class HookChangesTest {

    private static final OutgoingWebhook HOOK = new OutgoingWebhook("hook00000000000000000000001",
            "token0000000000000000000001", 100, 200, 0, "user00000000000000000000001", "chan00000000000000000000001",
            "team00000000000000000000001", List.of("ping"), 0, List.of("https://a.example/h"), "A", "about",
            "application/json", "bot", "https://a.example/i.png", "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0");

    private static HookChanges none() {
        return new HookChanges(null, null, false, null, null, null, null, null, null, null);
    }

    @Test
    void nothingGivenChangesNothingButTheUpdateTime() {
        assertThat(none().isEmpty()).isTrue();
        OutgoingWebhook same = none().applyTo(HOOK, 300);
        assertThat(same.updateAt()).isEqualTo(300);
        assertThat(same.withUpdateAt(200)).isEqualTo(HOOK);
    }

    @Test
    void givenFieldsReplaceAndFixedFieldsStay() {
        HookChanges changes = new HookChanges("", List.of("deploy", "ship"), false, TriggerWhen.STARTS_WITH,
                List.of("https://b.example/h"), "B", "", "application/x-www-form-urlencoded", "", "");
        assertThat(changes.isEmpty()).isFalse();
        OutgoingWebhook updated = changes.applyTo(HOOK, 300);
        assertThat(updated.channelId()).isEmpty();
        assertThat(updated.triggerWords()).containsExactly("deploy", "ship");
        assertThat(updated.triggerWhen()).isEqualTo(OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH);
        assertThat(updated.callbackUrls()).containsExactly("https://b.example/h");
        assertThat(updated.displayName()).isEqualTo("B");
        assertThat(updated.description()).isEmpty();
        assertThat(updated.contentType()).isEqualTo("application/x-www-form-urlencoded");
        assertThat(updated.username()).isEmpty();
        assertThat(updated.iconUrl()).isEmpty();
        assertThat(updated.id()).isEqualTo(HOOK.id());
        assertThat(updated.token()).isEqualTo(HOOK.token());
        assertThat(updated.teamId()).isEqualTo(HOOK.teamId());
        assertThat(updated.creatorId()).isEqualTo(HOOK.creatorId());
        assertThat(updated.createAt()).isEqualTo(HOOK.createAt());
        assertThat(updated.signingSecret()).isEqualTo(HOOK.signingSecret());
    }

    @Test
    void clearingTriggerWordsEmptiesThem() {
        HookChanges clear = new HookChanges(null, null, true, null, null, null, null, null, null, null);
        assertThat(clear.isEmpty()).isFalse();
        assertThat(clear.applyTo(HOOK, 300).triggerWords()).isEmpty();
    }

    @Test
    void aRotationInProgressSurvivesAnUpdate() {
        OutgoingWebhook rotating = HOOK.withSigningSecrets("whsec_bmV3c2VjcmV0bmV3c2VjcmV0bmV3c2VjcmV0",
                HOOK.signingSecret(), 5_000);
        OutgoingWebhook updated = new HookChanges(null, null, false, null, null, "B", null, null, null, null)
                .applyTo(rotating, 300);
        assertThat(updated.signingSecret()).isEqualTo(rotating.signingSecret());
        assertThat(updated.previousSigningSecret()).isEqualTo(HOOK.signingSecret());
        assertThat(updated.previousSigningSecretExpiresAt()).isEqualTo(5_000);
    }
}
