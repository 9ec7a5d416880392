package io.hookline.dispatcher.request;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks {@code v1} signatures: HMAC-SHA256 over {@code "<id>.<timestamp>.<body>"}, one
 * {@code v1,<base64>} entry per secret, space separated, so that a receiver can rotate secrets without downtime.
 */
public final class StandardWebhookSigner {

    public static final String ID_HEADER = "webhook-id";
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    public static final String SIGNATURE_HEADER = "webhook-signature";

    private StandardWebhookSigner() {
    }

    /** The value of the {@code webhook-signature} header for these secrets (current first). */
    public static String signatureHeader(String id, long timestampSeconds, byte[] body, List<SigningSecret> secrets) {
        List<String> entries = new ArrayList<>(secrets.size());
        for (SigningSecret secret : secrets) {
            entries.add("v1," + sign(secret, id, timestampSeconds, body));
        }
        return String.join(" ", entries);
    }

    /** The base64 HMAC-SHA256 of {@code "<id>.<timestamp>.<body>"} with the secret's key. */
    public static String sign(SigningSecret secret, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    /** Parses every secret; the error says which one (by position) is wrong, never its value. */
    public static List<SigningSecret> parseAll(List<String> secrets) {
        List<SigningSecret> parsed = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            try {
                parsed.add(SigningSecret.parse(secrets.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("signing secret #" + (i + 1) + ": " + e.getMessage());
            }
        }
        return List.copyOf(parsed);
    }
}
