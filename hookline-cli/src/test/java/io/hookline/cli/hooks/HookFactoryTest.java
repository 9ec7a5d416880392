package io.hookline.cli.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.Ids;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HookFactoryTest {

    private static final String TEAM = "team000000000000000000000a";
    private static final String CHANNEL = "chan000000000000000000000a";
    private static final String CREATOR = "user000000000000000000000a";

    private static HookDraft draft() {
        return new HookDraft(TEAM, CHANNEL, List.of("ping"), TriggerWhen.STARTS_WITH, List.of("https://example.com/h"),
                "Pong", "answers ping", "application/json", CREATOR, "bot", "https://example.com/i.png");
    }

    @Test
    void copiesTheDraftAndGeneratesIdTokenSecretAndTimes() {
        OutgoingWebhook hook = HookFactory.secure().create(draft());
        long now = System.currentTimeMillis();

        assertThat(Ids.isValid(hook.id())).isTrue();
        assertThat(hook.token()).hasSize(26).isNotEqualTo(hook.id());
        assertThat(hook.createAt()).isEqualTo(hook.updateAt()).isBetween(now - 60_000, now);
        assertThat(hook.deleteAt()).isZero();
        assertThat(hook.teamId()).isEqualTo(TEAM);
        assertThat(hook.channelId()).isEqualTo(CHANNEL);
        assertThat(hook.creatorId()).isEqualTo(CREATOR);
        assertThat(hook.triggerWords()).containsExactly("ping");
        assertThat(hook.triggerWhen()).isEqualTo(OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH);
        assertThat(hook.callbackUrls()).containsExactly("https://example.com/h");
        assertThat(hook.displayName()).isEqualTo("Pong");
        assertThat(hook.description()).isEqualTo("answers ping");
        assertThat(hook.contentType()).isEqualTo("application/json");
        assertThat(hook.username()).isEqualTo("bot");
        assertThat(hook.iconUrl()).isEqualTo("https://example.com/i.png");
        assertThat(OutgoingWebhookValidator.violations(hook)).isEmpty();
    }

    @Test
    void signingSecretIsWhsecAndThirtyTwoRandomBytes() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String secret = HookFactory.newSigningSecret(random);
            assertThat(secret).startsWith("whsec_");
            assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
            assertThat(OutgoingWebhookValidator.signingSecretProblem(secret)).isNull();
            seen.add(secret);
        }
        assertThat(seen).hasSize(50);
    }

    @Test
    void everyHookGetsItsOwnIdAndToken() {
        HookFactory factory = HookFactory.secure();
        OutgoingWebhook a = factory.create(draft());
        OutgoingWebhook b = factory.create(draft());
        assertThat(a.id()).isNotEqualTo(b.id());
        assertThat(a.token()).isNotEqualTo(b.token());
        assertThat(a.signingSecret()).isNotEqualTo(b.signingSecret());
    }

    @Test
    void triggerWhenAcceptsWordsAndMattermostNumbers() {
        TriggerWhen.Converter c = new TriggerWhen.Converter();
        assertThat(c.convert("exact")).isEqualTo(TriggerWhen.EXACT);
        assertThat(c.convert("0")).isEqualTo(TriggerWhen.EXACT);
        assertThat(c.convert("Starts-With")).isEqualTo(TriggerWhen.STARTS_WITH);
        assertThat(c.convert("1")).isEqualTo(TriggerWhen.STARTS_WITH);
        assertThat(c.convert("starts_with")).isEqualTo(TriggerWhen.STARTS_WITH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.convert("2"))
                .hasMessageContaining("'2' is not one of exact (0), starts-with (1)");
    }

    /** A factory whose ids, secrets and clock are fixed sequences, so rotations can be checked exactly. */
    private static HookFactory fixed(long now, String... secrets) {
        java.util.Iterator<String> next = List.of(secrets).iterator();
        return new HookFactory(() -> "tokentokentokentokentoken2", next::next, () -> now);
    }

    private static final String S1 = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
    private static final String S2 = "whsec_" + Base64.getEncoder().encodeToString(new byte[24]);
    private static final String S3 = "whsec_" + Base64.getEncoder().encodeToString(new byte[40]);

    @Test
    void rotatingKeepsTheReplacedSecretForTheGracePeriod() {
        OutgoingWebhook hook = fixed(1_000, S1).create(draft());
        OutgoingWebhook rotated = fixed(2_000, S2).withRotatedSecret(hook, java.time.Duration.ofHours(24));

        assertThat(rotated.signingSecret()).isEqualTo(S2);
        assertThat(rotated.previousSigningSecret()).isEqualTo(S1);
        assertThat(rotated.previousSigningSecretExpiresAt()).isEqualTo(2_000 + 24 * 3_600_000L);
        assertThat(rotated.updateAt()).isEqualTo(2_000);
        assertThat(rotated.token()).isEqualTo(hook.token());
        assertThat(rotated.createAt()).isEqualTo(hook.createAt());
        assertThat(OutgoingWebhookValidator.violations(rotated)).isEmpty();
        assertThat(rotated.signingSecretsAt(2_000 + 24 * 3_600_000L - 1)).containsExactly(S2, S1);
        assertThat(rotated.signingSecretsAt(2_000 + 24 * 3_600_000L)).containsExactly(S2);
    }

    @Test
    void aSecondRotationRetiresTheOldestAndAZeroGraceKeepsNoPrevious() {
        OutgoingWebhook hook = fixed(1_000, S1).create(draft());
        OutgoingWebhook twice = fixed(3_000, S3).withRotatedSecret(
                fixed(2_000, S2).withRotatedSecret(hook, java.time.Duration.ofHours(1)), java.time.Duration.ofMinutes(5));
        assertThat(twice.signingSecretsAt(3_001)).containsExactly(S3, S2);
        assertThat(twice.previousSigningSecretExpiresAt()).isEqualTo(3_000 + 300_000);

        OutgoingWebhook atOnce = fixed(2_000, S2).withRotatedSecret(hook, java.time.Duration.ZERO);
        assertThat(atOnce.signingSecret()).isEqualTo(S2);
        assertThat(atOnce.previousSigningSecret()).isNull();
        assertThat(atOnce.previousSigningSecretExpiresAt()).isZero();
    }

    @Test
    void aHookWithoutASecretGetsItsFirstAndNoPrevious() {
        OutgoingWebhook hook = fixed(1_000, S1).create(draft());
        OutgoingWebhook unsigned = hook.withSigningSecrets(null, null, 0);
        OutgoingWebhook rotated = fixed(2_000, S2).withRotatedSecret(unsigned, java.time.Duration.ofHours(24));
        assertThat(rotated.signingSecret()).isEqualTo(S2);
        assertThat(rotated.previousSigningSecret()).isNull();
        assertThat(rotated.signingSecretsAt(2_001)).containsExactly(S2);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> fixed(2_000, S2).withRotatedSecret(hook, java.time.Duration.ofSeconds(-1)))
                .hasMessageContaining("grace must not be negative");
    }

    @Test
    void newTokenAndDeleteKeepARotationInProgressAndNeverMoveUpdateTimeBack() {
        OutgoingWebhook rotated = fixed(5_000, S2).withRotatedSecret(fixed(1_000, S1).create(draft()),
                java.time.Duration.ofHours(1));
        OutgoingWebhook regenerated = fixed(4_000).withNewToken(rotated);
        assertThat(regenerated.previousSigningSecret()).isEqualTo(S1);
        assertThat(regenerated.previousSigningSecretExpiresAt()).isEqualTo(rotated.previousSigningSecretExpiresAt());
        assertThat(regenerated.updateAt()).as("clock behind the last update").isEqualTo(5_000);
        OutgoingWebhook deleted = fixed(6_000).deleted(rotated);
        assertThat(deleted.previousSigningSecret()).isEqualTo(S1);
        assertThat(deleted.deleteAt()).isEqualTo(6_000);
    }
}
