package io.hookline.runtime.secrets;

import java.util.Base64;

/** Go's {@code base64.StdEncoding.DecodeString}: padding required, CR and LF skipped, nothing else tolerated. */
final class GoBase64 {

    private GoBase64() {
    }

    /** The decoded bytes, or null where Go reports an error. */
    static byte[] decodeStd(String s) {
        String text = s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0 ? s.replace("\r", "").replace("\n", "") : s;
        if (text.length() % 4 != 0) {
            return null; // Java's decoder would accept missing padding; Go's standard encoding does not
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
