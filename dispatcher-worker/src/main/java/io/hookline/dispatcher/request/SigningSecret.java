package io.hookline.dispatcher.request;

import java.util.Base64;

/**
 * A Standard Webhooks symmetric secret: {@code whsec_} + base64 of the key bytes. {@link #toString()} never shows
 * the key.
 */
public final class SigningSecret {

    public static final String PREFIX = io.hookline.schemas.hook.OutgoingWebhook.SIGNING_SECRET_PREFIX;

    private final byte[] key;

    private SigningSecret(byte[] key) {
        this.key = key;
    }

    /**
     * Decodes {@code text}. The error never contains the secret itself.
     *
     * @throws IllegalArgumentException when it lacks the prefix, is not base64 or decodes to no bytes
     */
    public static SigningSecret parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new IllegalArgumentException("signing secret does not start with " + PREFIX);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("signing secret is not " + PREFIX + " followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("signing secret has an empty key");
        }
        return new SigningSecret(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return PREFIX + "****";
    }
}
