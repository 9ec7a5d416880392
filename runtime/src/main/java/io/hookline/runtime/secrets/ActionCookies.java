package io.hookline.runtime.secrets;

import io.hookline.schemas.interaction.PostActionCookie;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mattermost's action cookies: the JSON of a {@link PostActionCookie}, sealed with AES-256-GCM under the shared cookie
 * key (random 12-byte nonce, no associated data), as standard base64 of {@code nonce ‖ ciphertext ‖ tag}. An ephemeral
 * post exists only in its reader's client, so its actions carry what a click needs, and the seal keeps anyone from
 * pointing a click at another URL or channel.
 */
public final class ActionCookies {

    /** A cookie that cannot be opened: what went wrong, without the cookie. */
    public static final class CookieException extends Exception {
        CookieException(String message) {
            super(message);
        }
    }

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public ActionCookies(IntegrationSecrets secrets) {
        this.key = new SecretKeySpec(Objects.requireNonNull(secrets, "secrets").cookieKey(), "AES");
    }

    public String seal(PostActionCookie cookie) {
        try {
            byte[] plain = Json.mapper().writeValueAsBytes(cookie);
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce)
                    .put(sealed).array());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot seal an action cookie: " + e.getMessage(), e);
        }
    }

    public PostActionCookie open(String cookie) throws CookieException {
        byte[] bytes = GoBase64.decodeStd(cookie == null ? "" : cookie);
        if (bytes == null) {
            throw new CookieException("the cookie is not standard base64");
        }
        if (bytes.length < NONCE_BYTES) {
            throw new CookieException("cookie too short");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new CookieException("the cookie does not authenticate: it was not sealed with this installation's key,"
                    + " or it was altered");
        }
        try {
            PostActionCookie opened = Json.mapper().readValue(plain, PostActionCookie.class);
            if (opened == null) {
                throw new CookieException("the cookie holds no action");
            }
            return opened;
        } catch (IOException e) {
            throw new CookieException("the cookie's content is not an action cookie: " + e.getClass().getSimpleName());
        }
    }
}
