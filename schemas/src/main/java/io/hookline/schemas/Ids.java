package io.hookline.schemas;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Mattermost-style ids: 26 characters of Mattermost's base32 alphabet, from 16 bytes. Random ids for new objects,
 * deterministic ids (a hash of their parts) for everything derived, so that a retry or a replay produces the same id.
 */
public final class Ids {

    private static final char[] ALPHABET = "ybndrfg8ejkmcpqxot1uwisza345h769".toCharArray();
    private static final int LENGTH = 26;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new random id, as Mattermost's {@code model.NewId()}. */
    public static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return encode(bytes);
    }

    /** The same parts always give the same id; different parts give different ids (SHA-256, first 128 bits). */
    public static String deterministic(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                byte[] b = String.valueOf(part).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(b);
            }
            byte[] digest = sha.digest();
            byte[] first = new byte[16];
            System.arraycopy(digest, 0, first, 0, 16);
            return encode(first);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** What {@link #isValid} requires, for error messages. */
    public static final String RULE = "26 bytes (UTF-8) of Unicode letters or numbers";

    /**
     * Mattermost's {@code model.IsValidId}: 26 bytes in UTF-8, each character a Unicode letter or number (Go's
     * {@code unicode.IsLetter}/{@code IsNumber}). Generated ids are lowercase base32, but Mattermost accepts any such
     * id, upper case and non-ASCII included, so Hookline does too.
     */
    public static boolean isValid(String id) {
        if (id == null || id.getBytes(StandardCharsets.UTF_8).length != LENGTH) {
            return false;
        }
        return id.codePoints().allMatch(Ids::isLetterOrNumber);
    }

    private static boolean isLetterOrNumber(int codePoint) {
        if (Character.isLetter(codePoint)) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    /** 16 bytes in the base32 alphabet without padding: 26 characters. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(26);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString();
    }
}
