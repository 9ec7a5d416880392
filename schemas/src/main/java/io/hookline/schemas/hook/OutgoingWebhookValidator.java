package io.hookline.schemas.hook;

import io.hookline.schemas.Ids;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Mattermost's {@code OutgoingWebhook.IsValid} (all lengths in bytes), its create-time rule that a hook without a
 * channel needs trigger words, its conflict rule, and the shape of Hookline's {@code signing_secret}.
 */
public final class OutgoingWebhookValidator {

    public static final int TOKEN_LENGTH = 26;
    public static final int MAX_LIST_BYTES = 1024;
    public static final int MAX_DISPLAY_NAME = 64;
    public static final int MAX_DESCRIPTION = 500;
    public static final int MAX_CONTENT_TYPE = 128;
    public static final int MAX_USERNAME = 64;
    public static final int MAX_ICON_URL = 1024;
    public static final int MIN_SECRET_BYTES = 24;
    public static final int MAX_SECRET_BYTES = 64;

    /** One broken rule: the JSON field and what is wrong with it. */
    public record Violation(String field, String rule) {
        @Override
        public String toString() {
            return field + ": " + rule;
        }
    }

    private OutgoingWebhookValidator() {
    }

    /** Every rule the hook breaks, in field order; empty when the hook is valid. Never echoes the token or secret. */
    public static List<Violation> violations(OutgoingWebhook hook) {
        Objects.requireNonNull(hook, "hook");
        List<Violation> v = new ArrayList<>();
        if (!Ids.isValid(hook.id())) {
            v.add(new Violation("id", "must be " + Ids.RULE));
        }
        int tokenBytes = hook.token().getBytes(StandardCharsets.UTF_8).length;
        if (tokenBytes != TOKEN_LENGTH) {
            v.add(new Violation("token", "must be exactly 26 bytes (UTF-8), got " + tokenBytes));
        }
        if (hook.createAt() == 0) {
            v.add(new Violation("create_at", "must be set (epoch milliseconds)"));
        }
        if (hook.updateAt() == 0) {
            v.add(new Violation("update_at", "must be set (epoch milliseconds)"));
        }
        if (!Ids.isValid(hook.creatorId())) {
            v.add(new Violation("creator_id", "must be " + Ids.RULE));
        }
        if (!hook.channelId().isEmpty() && !Ids.isValid(hook.channelId())) {
            v.add(new Violation("channel_id", "must be empty or " + Ids.RULE));
        }
        if (!Ids.isValid(hook.teamId())) {
            v.add(new Violation("team_id", "must be " + Ids.RULE));
        }
        if (goListBytes(hook.triggerWords()) > MAX_LIST_BYTES) {
            v.add(new Violation("trigger_words", "must be at most " + MAX_LIST_BYTES + " bytes in all"));
        }
        for (String word : hook.triggerWords()) {
            if (word == null || word.isEmpty()) {
                v.add(new Violation("trigger_words", "must not contain an empty word"));
                break;
            }
        }
        if (hook.callbackUrls().isEmpty()) {
            v.add(new Violation("callback_urls", "at least one callback URL is required"));
        }
        if (goListBytes(hook.callbackUrls()) > MAX_LIST_BYTES) {
            v.add(new Violation("callback_urls", "must be at most " + MAX_LIST_BYTES + " bytes in all"));
        }
        for (String url : hook.callbackUrls()) {
            if (!CallbackUrl.isValid(url)) {
                v.add(new Violation("callback_urls", "'" + url + "' is not an http:// or https:// URL with a host "
                        + "(Go's url.ParseRequestURI)"));
            }
        }
        maxBytes(v, "display_name", hook.displayName(), MAX_DISPLAY_NAME);
        maxBytes(v, "description", hook.description(), MAX_DESCRIPTION);
        maxBytes(v, "content_type", hook.contentType(), MAX_CONTENT_TYPE);
        maxBytes(v, "username", hook.username(), MAX_USERNAME);
        maxBytes(v, "icon_url", hook.iconUrl(), MAX_ICON_URL);
        // Mattermost only checks the upper bound: a negative value is valid and matches no trigger word
        if (hook.triggerWhen() > OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH) {
            v.add(new Violation("trigger_when", "must be at most 1 (0: first word equals, 1: first word starts with, "
                    + "negative: no word matches), got " + hook.triggerWhen()));
        }
        if (hook.channelId().isEmpty() && hook.triggerWords().isEmpty()) {
            v.add(new Violation("trigger_words", "at least one trigger word is required when channel_id is empty"));
        }
        if (hook.signingSecret() != null) {
            String problem = signingSecretProblem(hook.signingSecret());
            if (problem != null) {
                v.add(new Violation("signing_secret", problem));
            }
        }
        if (hook.previousSigningSecret() != null) {
            String problem = signingSecretProblem(hook.previousSigningSecret());
            if (problem != null) {
                v.add(new Violation("previous_signing_secret", problem));
            }
            if (hook.signingSecret() == null) {
                v.add(new Violation("previous_signing_secret", "needs a current signing_secret"));
            }
        }
        if (hook.previousSigningSecretExpiresAt() < 0) {
            v.add(new Violation("previous_signing_secret_expires_at", "must not be negative"));
        }
        return v;
    }

    /**
     * Mattermost's conflict rule: another live hook of the same team with the same {@code channel_id} that shares a
     * callback URL and a trigger word. Returns the id of the first conflicting hook, or null.
     */
    public static String conflictingHookId(OutgoingWebhook hook, Collection<OutgoingWebhook> others) {
        for (OutgoingWebhook other : others) {
            if (other == null || other.isDeleted() || other.id().equals(hook.id())) {
                continue;
            }
            if (other.teamId().equals(hook.teamId()) && other.channelId().equals(hook.channelId())
                    && shares(other.callbackUrls(), hook.callbackUrls())
                    && shares(other.triggerWords(), hook.triggerWords())) {
                return other.id();
            }
        }
        return null;
    }

    /** Null when {@code secret} is {@code whsec_} + standard base64 of 24 to 64 bytes; else what is wrong. */
    public static String signingSecretProblem(String secret) {
        if (!secret.startsWith(OutgoingWebhook.SIGNING_SECRET_PREFIX)) {
            return "must start with " + OutgoingWebhook.SIGNING_SECRET_PREFIX;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.substring(OutgoingWebhook.SIGNING_SECRET_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return "must be " + OutgoingWebhook.SIGNING_SECRET_PREFIX + " followed by standard base64";
        }
        if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
            return "must encode " + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES + " bytes, got " + key.length;
        }
        return null;
    }

    private static boolean shares(List<String> a, List<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }

    private static void maxBytes(List<Violation> v, String field, String value, int max) {
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > max) {
            v.add(new Violation(field, "must be at most " + max + " bytes, got " + bytes));
        }
    }

    /** Length of Go's {@code fmt.Sprint(slice)}: "[a b c]", which is what Mattermost measures. */
    private static int goListBytes(List<String> values) {
        int bytes = 2 + Math.max(0, values.size() - 1);
        for (String s : values) {
            bytes += s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
