package io.hookline.schemas.hook;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.hookline.schemas.http.ContentTypes;
import java.util.List;

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

    /** This hook with every secret replaced, for logs, listings and error messages. */
    public OutgoingWebhook masked() {
        return new OutgoingWebhook(id, token.isEmpty() ? "" : "****", createAt, updateAt, deleteAt, creatorId, channelId,
                teamId, triggerWords, triggerWhen, callbackUrls, displayName, description, contentType, username,
                iconUrl, signingSecret == null ? null : SIGNING_SECRET_PREFIX + "****",
                previousSigningSecret == null ? null : SIGNING_SECRET_PREFIX + "****", previousSigningSecretExpiresAt);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
