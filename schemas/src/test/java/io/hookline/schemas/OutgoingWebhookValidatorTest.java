package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.hook.OutgoingWebhookValidator.Violation;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingWebhookValidatorTest {

    private static final OutgoingWebhook VALID = Samples.hook();

    @Test
    void theSampleIsValid() {
        assertThat(OutgoingWebhookValidator.violations(VALID)).isEmpty();
    }

    @Test
    void idsMustBeMattermostIds() {
        assertThat(fields(with(VALID, "id", "short"))).containsExactly("id");
        assertThat(fields(with(VALID, "creator_id", ""))).containsExactly("creator_id");
        assertThat(fields(with(VALID, "team_id", "UPPERCASEUPPERCASEUPPERCAS"))).containsExactly("team_id");
        assertThat(fields(with(VALID, "channel_id", "x"))).containsExactly("channel_id");
    }

    @Test
    void tokenMustBe26Characters() {
        assertThat(OutgoingWebhookValidator.violations(with(VALID, "token", "abc")))
                .containsExactly(new Violation("token", "must be exactly 26 characters, got 3"));
    }

    @Test
    void timestampsMustBeSet() {
        OutgoingWebhook h = new OutgoingWebhook(VALID.id(), VALID.token(), 0, 0, 0, VALID.creatorId(),
                VALID.channelId(), VALID.teamId(), VALID.triggerWords(), 0, VALID.callbackUrls(), "", "", "", "", "",
                null);
        assertThat(fields(h)).containsExactly("create_at", "update_at");
    }

    @Test
    void lengthsAreCountedInBytes() {
        assertThat(fields(with(VALID, "display_name", "é".repeat(32)))).isEmpty();
        assertThat(fields(with(VALID, "display_name", "é".repeat(33)))).containsExactly("display_name");
        assertThat(fields(with(VALID, "description", "x".repeat(501)))).containsExactly("description");
        assertThat(fields(with(VALID, "content_type", "x".repeat(129)))).containsExactly("content_type");
        assertThat(fields(with(VALID, "username", "x".repeat(65)))).containsExactly("username");
        assertThat(fields(with(VALID, "icon_url", "x".repeat(1025)))).containsExactly("icon_url");
    }

    @Test
    void triggerWordsFollowTheBracketedLimitAndAllowNoEmptyWord() {
        // "[" + 1022 bytes + "]" = 1024 bytes: allowed; one more byte is not.
        assertThat(fields(words(List.of("x".repeat(1022))))).isEmpty();
        assertThat(fields(words(List.of("x".repeat(1023))))).containsExactly("trigger_words");
        assertThat(fields(words(List.of("a", "")))).containsExactly("trigger_words");
        assertThat(fields(words(Collections.nCopies(300, "ab")))).isEmpty();
    }

    @Test
    void callbackUrlsMustBeHttpWithAHost() {
        assertThat(fields(urls(List.of()))).containsExactly("callback_urls");
        assertThat(fields(urls(List.of("ftp://x.example.com")))).containsExactly("callback_urls");
        assertThat(fields(urls(List.of("http://")))).containsExactly("callback_urls");
        assertThat(fields(urls(List.of("javascript:alert(1)")))).containsExactly("callback_urls");
        assertThat(fields(urls(List.of("http://127.0.0.1:8065/hook", "https://x.example.com/a?b=c")))).isEmpty();
    }

    @Test
    void triggerWhenIsZeroOrOne() {
        OutgoingWebhook h = new OutgoingWebhook(VALID.id(), VALID.token(), 1, 1, 0, VALID.creatorId(),
                VALID.channelId(), VALID.teamId(), VALID.triggerWords(), 2, VALID.callbackUrls(), "", "", "", "", "",
                null);
        assertThat(fields(h)).containsExactly("trigger_when");
    }

    @Test
    void aHookWithoutChannelNeedsTriggerWords() {
        OutgoingWebhook noChannel = with(VALID, "channel_id", "");
        assertThat(fields(noChannel)).isEmpty();
        OutgoingWebhook neither = new OutgoingWebhook(VALID.id(), VALID.token(), 1, 1, 0, VALID.creatorId(), "",
                VALID.teamId(), List.of(), 0, VALID.callbackUrls(), "", "", "", "", "", null);
        assertThat(fields(neither)).containsExactly("trigger_words");
    }

    @Test
    void signingSecretIsWhsecBase64Of24To64BytesAndNeverEchoed() {
        assertThat(fields(with(VALID, "signing_secret", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))).containsExactly(
                "signing_secret");
        assertThat(fields(with(VALID, "signing_secret", "whsec_c2hvcnQ="))).containsExactly("signing_secret");
        assertThat(fields(with(VALID, "signing_secret", "whsec_!!!"))).containsExactly("signing_secret");
        assertThat(OutgoingWebhookValidator.violations(with(VALID, "signing_secret", "whsec_c2hvcnQ=")).toString())
                .doesNotContain("c2hvcnQ");
        assertThat(OutgoingWebhookValidator.violations(with(VALID, "token", "sekrit")).toString())
                .doesNotContain("sekrit");
    }

    @Test
    void rotationKeepsThePreviousSecretDuringItsGracePeriodOnly() {
        String previous = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        OutgoingWebhook rotated = new OutgoingWebhook(VALID.id(), VALID.token(), 1, 2, 0, VALID.creatorId(),
                VALID.channelId(), VALID.teamId(), VALID.triggerWords(), 0, VALID.callbackUrls(), "", "", "", "", "",
                Samples.SECRET, previous, 1000);
        assertThat(OutgoingWebhookValidator.violations(rotated)).isEmpty();
        assertThat(rotated.signingSecretsAt(999)).containsExactly(Samples.SECRET, previous);
        assertThat(rotated.signingSecretsAt(1000)).containsExactly(Samples.SECRET);
        assertThat(VALID.signingSecretsAt(0)).containsExactly(Samples.SECRET);
        assertThat(rotated.masked().toString()).doesNotContain(previous.substring(6));
        OutgoingWebhook broken = new OutgoingWebhook(VALID.id(), VALID.token(), 1, 2, 0, VALID.creatorId(),
                VALID.channelId(), VALID.teamId(), VALID.triggerWords(), 0, VALID.callbackUrls(), "", "", "", "", "",
                null, "whsec_c2hvcnQ=", -1);
        assertThat(fields(broken)).containsExactly("previous_signing_secret", "previous_signing_secret",
                "previous_signing_secret_expires_at");
    }

    @Test
    void conflictNeedsSameTeamChannelAndASharedUrlAndWord() {
        OutgoingWebhook other = with(VALID, "id", "otherotherotherotherother1");
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(other))).isEqualTo(other.id());
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(VALID))).as("itself").isNull();
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(urls(other, List.of("http://o/x")))))
                .isNull();
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(words(other, List.of("feature")))))
                .isNull();
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(with(other, "channel_id", ""))))
                .isNull();
        OutgoingWebhook deleted = new OutgoingWebhook(other.id(), other.token(), 1, 1, 5, other.creatorId(),
                other.channelId(), other.teamId(), other.triggerWords(), 0, other.callbackUrls(), "", "", "", "", "",
                null);
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(deleted))).isNull();
    }

    private static List<String> fields(OutgoingWebhook hook) {
        return OutgoingWebhookValidator.violations(hook).stream().map(Violation::field).toList();
    }

    private static OutgoingWebhook words(List<String> words) {
        return words(VALID, words);
    }

    private static OutgoingWebhook words(OutgoingWebhook h, List<String> words) {
        return new OutgoingWebhook(h.id(), h.token(), h.createAt(), h.updateAt(), h.deleteAt(), h.creatorId(),
                h.channelId(), h.teamId(), words, h.triggerWhen(), h.callbackUrls(), h.displayName(), h.description(),
                h.contentType(), h.username(), h.iconUrl(), h.signingSecret());
    }

    private static OutgoingWebhook urls(List<String> urls) {
        return urls(VALID, urls);
    }

    private static OutgoingWebhook urls(OutgoingWebhook h, List<String> urls) {
        return new OutgoingWebhook(h.id(), h.token(), h.createAt(), h.updateAt(), h.deleteAt(), h.creatorId(),
                h.channelId(), h.teamId(), h.triggerWords(), h.triggerWhen(), urls, h.displayName(), h.description(),
                h.contentType(), h.username(), h.iconUrl(), h.signingSecret());
    }

    private static OutgoingWebhook with(OutgoingWebhook h, String field, String v) {
        return new OutgoingWebhook(
                field.equals("id") ? v : h.id(),
                field.equals("token") ? v : h.token(),
                h.createAt(), h.updateAt(), h.deleteAt(),
                field.equals("creator_id") ? v : h.creatorId(),
                field.equals("channel_id") ? v : h.channelId(),
                field.equals("team_id") ? v : h.teamId(),
                h.triggerWords(), h.triggerWhen(), h.callbackUrls(),
                field.equals("display_name") ? v : h.displayName(),
                field.equals("description") ? v : h.description(),
                field.equals("content_type") ? v : h.contentType(),
                field.equals("username") ? v : h.username(),
                field.equals("icon_url") ? v : h.iconUrl(),
                field.equals("signing_secret") ? v : h.signingSecret(), h.previousSigningSecret(),
                h.previousSigningSecretExpiresAt());
    }
}
