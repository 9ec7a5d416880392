package io.hookline.ingestor.post;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.schemas.serde.Json;

/**
 * The size Mattermost measures for props: the rune count of Go's {@code json.Marshal} output. Go escapes {@code <},
 * {@code >}, {@code &}, U+2028 and U+2029 as six-character {@code \}{@code uXXXX} sequences, so each counts six; the
 * rest of the JSON text counts one per code point, as it does here.
 */
public final class PropsSize {

    private PropsSize() {
    }

    public static int runes(Object value) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("props cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        int runes = json.codePointCount(0, json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                runes += 5;
            }
        }
        return runes;
    }

    public static int codePoints(String s) {
        return s == null ? 0 : s.codePointCount(0, s.length());
    }

    /** The first {@code n} code points of {@code s}. */
    static String prefix(String s, int n) {
        if (n <= 0) {
            return "";
        }
        if (codePoints(s) <= n) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, n));
    }
}
