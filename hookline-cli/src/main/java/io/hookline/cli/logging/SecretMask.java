package io.hookline.cli.logging;

import io.hookline.schemas.hook.CallbackUrlCredentials;
import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.regex.Pattern;

/**
 * Defence in depth for log lines: hides what looks like a hook's token or signing secret even if some code (ours, a
 * library's exception message) puts one into a message. The sources are meant to never log them; this catches the
 * slip. Masks Standard Webhooks secrets ({@code whsec_...}), JSON fields named like a token or secret, and
 * {@code token=...} as in Mattermost's form-encoded request body, and the password of any URL (a callback URL's
 * credentials).
 */
final class SecretMask {

    static final String MASK = "****";

    private static final Pattern SIGNING_SECRET = Pattern.compile(
            Pattern.quote(OutgoingWebhook.SIGNING_SECRET_PREFIX) + "[A-Za-z0-9+/=_-]+");
    private static final Pattern JSON_SECRET_FIELD = Pattern.compile(
            "(\"[A-Za-z_]*(?:token|secret|password)[A-Za-z_]*\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*(\")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FORM_TOKEN = Pattern.compile("(\\btoken=)[^&\\s\"',;]+", Pattern.CASE_INSENSITIVE);

    private SecretMask() {
    }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = SIGNING_SECRET.matcher(text).replaceAll(OutgoingWebhook.SIGNING_SECRET_PREFIX + MASK);
        masked = JSON_SECRET_FIELD.matcher(masked).replaceAll("$1" + MASK + "$2");
        masked = FORM_TOKEN.matcher(masked).replaceAll("$1" + MASK);
        return CallbackUrlCredentials.maskedIn(masked);
    }
}
