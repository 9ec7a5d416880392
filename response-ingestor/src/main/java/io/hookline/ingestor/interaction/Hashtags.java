package io.hookline.ingestor.interaction;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Mattermost's {@code model.ParseHashtags}: the {@code hashtags} field a post gets when an update changes its message.
 * Words are split on Go's {@code unicode.IsSpace}; surrounding punctuation is trimmed, repeated leading {@code #}s
 * become one, and what is left is a hashtag when it is {@code #}, a letter, then letters, digits, {@code -_.},
 * ending on a letter or digit. The result is cut at a word boundary within 1000 bytes. The patterns are Go's, with Go's
 * {@code \s} (ASCII, no vertical tab) spelled out.
 */
final class Hashtags {

    private static final Pattern VALID = Pattern.compile("^#\\p{L}[\\p{L}\\d\\-_.]*[\\p{L}\\d]\\z");
    private static final Pattern PUNCTUATION_START = Pattern.compile("^[^\\p{L}\\d\\t\\n\\f\\r #]+");
    private static final Pattern PUNCTUATION_END = Pattern.compile("[^\\p{L}\\d\\t\\n\\f\\r ]+\\z");
    private static final Pattern HASHES_START = Pattern.compile("^#{2,}");
    private static final int MAX_BYTES = 1000;

    private Hashtags() {
    }

    static String of(String message) {
        StringBuilder tags = new StringBuilder();
        for (String word : fields(message)) {
            word = PUNCTUATION_START.matcher(word).replaceAll("");
            word = PUNCTUATION_END.matcher(word).replaceAll("");
            word = HASHES_START.matcher(word).replaceAll("#");
            if (VALID.matcher(word).matches()) {
                tags.append(' ').append(word);
            }
        }
        byte[] bytes = tags.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BYTES) {
            int lastSpace = -1;
            for (int i = 0; i < MAX_BYTES - 1; i++) {
                if (bytes[i] == ' ') {
                    lastSpace = i;
                }
            }
            // the tags start with a space, so there always is one; the cut never splits a character
            return new String(bytes, 0, Math.max(lastSpace, 0), StandardCharsets.UTF_8).strip();
        }
        return tags.toString().strip();
    }

    /** Go's {@code strings.Fields}. */
    private static List<String> fields(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (isSpace(cp)) {
                if (start >= 0) {
                    out.add(s.substring(start, i));
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            out.add(s.substring(start));
        }
        return out;
    }

    /** Go's {@code unicode.IsSpace}: the Latin-1 spaces (NEL and no-break space included), then White_Space. */
    private static boolean isSpace(int cp) {
        if (cp <= 0xFF) {
            return cp == ' ' || (cp >= '\t' && cp <= '\r') || cp == 0x85 || cp == 0xA0;
        }
        int type = Character.getType(cp);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
