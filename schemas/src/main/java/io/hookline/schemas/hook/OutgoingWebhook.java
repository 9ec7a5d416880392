package io.hookline.schemas.hook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hookline.schemas.hook.ContentTypes;
import java.util.List;
import java.util.function.Consumer;

/**
 * The value of the compacted {@code webhook-configs} topic (key: hook id): Mattermost's {@code OutgoingWebhook} with
 * its 16 fields, plus the Hookline extension {@code signing_secret} ({@code whsec_} + base64, optional). A tombstone or
 * {@code delete_at > 0} means the hook is deleted.
 */
public record OutgoingWebhook(
        String id,
        String token,
        long createAt,
        long updateAt,
        long deleteAt,
        String creatorId,
        String channelId,
        String teamId,
        List<String> triggerWords,
        int triggerWhen,
        List<String> callbackUrls,
        String displayName,
        String description,
        String contentType,
        String username,
        String iconUrl,
        String signingSecret,
        String previousSigningSecret,
        long previousSigningSecretExpiresAt) {

    /** {@code trigger_when}: the first word equals a trigger word. */
    public static final int TRIGGER_WORDS_EXACT_MATCH = 0;
    /** {@code trigger_when}: the first word starts with a trigger word. */
    public static final int TRIGGER_WORDS_STARTS_WITH = 1;
    /** A Standard Webhooks secret is this prefix followed by the base64 of the key bytes. */
    public static final String SIGNING_SECRET_PREFIX = "whsec_";

    public OutgoingWebhook {
        id = orEmpty(id);
        token = orEmpty(token);
        creatorId = orEmpty(creatorId);
        channelId = orEmpty(channelId);
        teamId = orEmpty(teamId);
        triggerWords = triggerWords == null ? List.of() : List.copyOf(triggerWords);
        callbackUrls = callbackUrls == null ? List.of() : List.copyOf(callbackUrls);
        displayName = orEmpty(displayName);
        description = orEmpty(description);
        contentType = orEmpty(contentType);
        username = orEmpty(username);
        iconUrl = orEmpty(iconUrl);
        signingSecret = signingSecret == null || signingSecret.isEmpty() ? null : signingSecret;
        previousSigningSecret = previousSigningSecret == null || previousSigningSecret.isEmpty()
                ? null : previousSigningSecret;
    }

    /** A hook without a rotation in progress: the 16 Mattermost fields and the signing secret. */
    public OutgoingWebhook(String id, String token, long createAt, long updateAt, long deleteAt, String creatorId,
                           String channelId, String teamId, List<String> triggerWords, int triggerWhen,
                           List<String> callbackUrls, String displayName, String description, String contentType,
                           String username, String iconUrl, String signingSecret) {
        this(id, token, createAt, updateAt, deleteAt, creatorId, channelId, teamId, triggerWords, triggerWhen,
                callbackUrls, displayName, description, contentType, username, iconUrl, signingSecret, null, 0);
    }

    /**
     * The secrets a request matched at {@code now} (epoch milliseconds) is signed with, current first: the previous
     * one too while its grace period lasts. Empty when the hook has no signing secret.
     */
    public List<String> signingSecretsAt(long now) {
        if (signingSecret == null) {
            return List.of();
        }
        if (previousSigningSecret != null && now < previousSigningSecretExpiresAt
                && !previousSigningSecret.equals(signingSecret)) {
            return List.of(signingSecret, previousSigningSecret);
        }
        return List.of(signingSecret);
    }

    @JsonIgnore
    public boolean isDeleted() {
        return deleteAt > 0;
    }

    /** JSON requests for {@code application/json}; anything else is form-encoded, as in Mattermost. */
    @JsonIgnore
    public boolean wantsJson() {
        return ContentTypes.JSON.equals(contentType);
    }

    /** This hook with every secret replaced (callback URL passwords too), for logs, listings and error messages. */
    public OutgoingWebhook masked() {
        return withToken(token.isEmpty() ? "" : "****")
                .withCallbackUrls(callbackUrls.stream().map(CallbackUrlCredentials::masked).toList())
                .withSigningSecrets(
                signingSecret == null ? null : SIGNING_SECRET_PREFIX + "****",
                previousSigningSecret == null ? null : SIGNING_SECRET_PREFIX + "****", previousSigningSecretExpiresAt);
    }

    // Copies with fields changed, so that no caller repeats the 19 positional arguments.

    public OutgoingWebhook withId(String v) {
        return edit(c -> c.id = v);
    }

    public OutgoingWebhook withToken(String v) {
        return edit(c -> c.token = v);
    }

    public OutgoingWebhook withCreateAt(long v) {
        return edit(c -> c.createAt = v);
    }

    public OutgoingWebhook withUpdateAt(long v) {
        return edit(c -> c.updateAt = v);
    }

    public OutgoingWebhook withDeleteAt(long v) {
        return edit(c -> c.deleteAt = v);
    }

    public OutgoingWebhook withCreatorId(String v) {
        return edit(c -> c.creatorId = v);
    }

    public OutgoingWebhook withChannelId(String v) {
        return edit(c -> c.channelId = v);
    }

    public OutgoingWebhook withTeamId(String v) {
        return edit(c -> c.teamId = v);
    }

    public OutgoingWebhook withTriggerWords(List<String> v) {
        return edit(c -> c.triggerWords = v);
    }

    public OutgoingWebhook withTriggerWhen(int v) {
        return edit(c -> c.triggerWhen = v);
    }

    public OutgoingWebhook withCallbackUrls(List<String> v) {
        return edit(c -> c.callbackUrls = v);
    }

    public OutgoingWebhook withDisplayName(String v) {
        return edit(c -> c.displayName = v);
    }

    public OutgoingWebhook withDescription(String v) {
        return edit(c -> c.description = v);
    }

    public OutgoingWebhook withContentType(String v) {
        return edit(c -> c.contentType = v);
    }

    public OutgoingWebhook withUsername(String v) {
        return edit(c -> c.username = v);
    }

    public OutgoingWebhook withIconUrl(String v) {
        return edit(c -> c.iconUrl = v);
    }

    /** The current signing secret replaced; a rotation in progress (the previous secret) is kept. */
    public OutgoingWebhook withSigningSecret(String v) {
        return edit(c -> c.signingSecret = v);
    }

    /** Every signing secret at once: the current one, and the previous one with the end of its grace period. */
    public OutgoingWebhook withSigningSecrets(String current, String previous, long previousExpiresAt) {
        return edit(c -> {
            c.signingSecret = current;
            c.previousSigningSecret = previous;
            c.previousSigningSecretExpiresAt = previousExpiresAt;
        });
    }

    private OutgoingWebhook edit(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The fields of a hook being copied: the one place that lists them in constructor order. */
    private static final class Copy {
        String id;
        String token;
        long createAt;
        long updateAt;
        long deleteAt;
        String creatorId;
        String channelId;
        String teamId;
        List<String> triggerWords;
        int triggerWhen;
        List<String> callbackUrls;
        String displayName;
        String description;
        String contentType;
        String username;
        String iconUrl;
        String signingSecret;
        String previousSigningSecret;
        long previousSigningSecretExpiresAt;

        Copy(OutgoingWebhook h) {
            id = h.id;
            token = h.token;
            createAt = h.createAt;
            updateAt = h.updateAt;
            deleteAt = h.deleteAt;
            creatorId = h.creatorId;
            channelId = h.channelId;
            teamId = h.teamId;
            triggerWords = h.triggerWords;
            triggerWhen = h.triggerWhen;
            callbackUrls = h.callbackUrls;
            displayName = h.displayName;
            description = h.description;
            contentType = h.contentType;
            username = h.username;
            iconUrl = h.iconUrl;
            signingSecret = h.signingSecret;
            previousSigningSecret = h.previousSigningSecret;
            previousSigningSecretExpiresAt = h.previousSigningSecretExpiresAt;
        }

        OutgoingWebhook build() {
            return new OutgoingWebhook(id, token, createAt, updateAt, deleteAt, creatorId, channelId, teamId,
                    triggerWords, triggerWhen, callbackUrls, displayName, description, contentType, username, iconUrl,
                    signingSecret, previousSigningSecret, previousSigningSecretExpiresAt);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
