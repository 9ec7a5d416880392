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
        assertThat(fields(with(VALID, "team_id", "abcdefghijklmnopqrstuvwxy-"))).containsExactly("team_id");
        assertThat(fields(with(VALID, "channel_id", "x"))).containsExactly("channel_id");
        assertThat(OutgoingWebhookValidator.violations(with(VALID, "id", "short")))
                .containsExactly(new Violation("id", "must be 26 bytes (UTF-8) of Unicode letters or numbers"));
    }

    @Test
    void idsAcceptWhatMattermostAccepts() {
        assertThat(fields(with(VALID, "team_id", "UPPERCASEUPPERCASEUPPERCAS"))).isEmpty();
        // 24 letters and a two-byte letter: 26 bytes
        assertThat(fields(with(VALID, "creator_id", "abcdefghijklmnopqrstuvwx\u00e9"))).isEmpty();
    }

    @Test
    void tokenMustBe26Bytes() {
        assertThat(OutgoingWebhookValidator.violations(with(VALID, "token", "abc")))
                .containsExactly(new Violation("token", "must be exactly 26 bytes (UTF-8), got 3"));
        assertThat(fields(with(VALID, "token", "\u00e9".repeat(13)))).as("13 two-byte characters").isEmpty();
        assertThat(fields(with(VALID, "token", "\u00e9".repeat(26)))).as("26 characters, 52 bytes")
                .containsExactly("token");
    }

    @Test
    void timestampsMustBeSet() {
        OutgoingWebhook h = VALID.withCreateAt(0).withUpdateAt(0);
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
    void callbackUrlsAreValidWhereMattermostAcceptsThem() {
        assertThat(fields(urls(List.of("http://my_service:8080/hook", "http://b\u00fccher.example/hook",
                "http://h.example/a|b/{id}?q=c d\\e")))).isEmpty();
        assertThat(OutgoingWebhookValidator.violations(urls(List.of("http://h.example/a%zz"))))
                .containsExactly(new Violation("callback_urls", "'http://h.example/a%zz' is not an http:// or "
                        + "https:// URL with a host (Go's url.ParseRequestURI)"));
    }

    @Test
    void triggerWhenIsAtMostOne() {
        assertThat(fields(VALID.withTriggerWhen(2))).containsExactly("trigger_when");
        assertThat(fields(VALID.withTriggerWhen(1))).isEmpty();
        assertThat(fields(VALID.withTriggerWhen(-1))).as("negative: valid, matches no word").isEmpty();
        assertThat(fields(VALID.withTriggerWhen(Integer.MIN_VALUE))).isEmpty();
    }

    @Test
    void aHookWithoutChannelNeedsTriggerWords() {
        OutgoingWebhook noChannel = with(VALID, "channel_id", "");
        assertThat(fields(noChannel)).isEmpty();
        OutgoingWebhook neither = VALID.withChannelId("").withTriggerWords(List.of());
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
        OutgoingWebhook rotated = VALID.withSigningSecrets(Samples.SECRET, previous, 1000);
        assertThat(OutgoingWebhookValidator.violations(rotated)).isEmpty();
        assertThat(rotated.signingSecretsAt(999)).containsExactly(Samples.SECRET, previous);
        assertThat(rotated.signingSecretsAt(1000)).containsExactly(Samples.SECRET);
        assertThat(VALID.signingSecretsAt(0)).containsExactly(Samples.SECRET);
        assertThat(rotated.masked().toString()).doesNotContain(previous.substring(6));
        OutgoingWebhook broken = VALID.withSigningSecrets(null, "whsec_c2hvcnQ=", -1);
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
        OutgoingWebhook deleted = other.withDeleteAt(5);
        assertThat(OutgoingWebhookValidator.conflictingHookId(VALID, List.of(deleted))).isNull();
    }

    private static List<String> fields(OutgoingWebhook hook) {
        return OutgoingWebhookValidator.violations(hook).stream().map(Violation::field).toList();
    }

    private static OutgoingWebhook words(List<String> words) {
        return words(VALID, words);
    }

    private static OutgoingWebhook words(OutgoingWebhook h, List<String> words) {
        return h.withTriggerWords(words);
    }

    private static OutgoingWebhook urls(List<String> urls) {
        return urls(VALID, urls);
    }

    private static OutgoingWebhook urls(OutgoingWebhook h, List<String> urls) {
        return h.withCallbackUrls(urls);
    }

    private static OutgoingWebhook with(OutgoingWebhook h, String field, String v) {
        return switch (field) {
            case "id" -> h.withId(v);
            case "token" -> h.withToken(v);
            case "creator_id" -> h.withCreatorId(v);
            case "channel_id" -> h.withChannelId(v);
            case "team_id" -> h.withTeamId(v);
            case "display_name" -> h.withDisplayName(v);
            case "description" -> h.withDescription(v);
            case "content_type" -> h.withContentType(v);
            case "username" -> h.withUsername(v);
            case "icon_url" -> h.withIconUrl(v);
            case "signing_secret" -> h.withSigningSecret(v);
            default -> throw new IllegalArgumentException("no string field " + field);
        };
    }
}
