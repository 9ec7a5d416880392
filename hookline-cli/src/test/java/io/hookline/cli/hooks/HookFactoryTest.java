package io.hookline.cli.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.id.Ids;
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
}
