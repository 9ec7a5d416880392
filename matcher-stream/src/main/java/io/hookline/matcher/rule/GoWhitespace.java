package io.hookline.matcher.rule;

/**
 * White space exactly as Go's {@code unicode.IsSpace} defines it, which is what Mattermost's {@code strings.Fields}
 * splits messages on. Java's own notions differ both ways ({@link Character#isWhitespace} excludes the no-break
 * spaces U+00A0, U+2007, U+202F and includes the separators U+001C..U+001F), so the set is spelled out here.
 */
final class GoWhitespace {

    private GoWhitespace() {
    }

    /**
     * Go: {@code '\t', '\n', '\v', '\f', '\r', ' ', U+0085 (NEL), U+00A0 (NBSP)} in Latin-1, and above it the Unicode
     * {@code White_Space} property: U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. Not U+200B (zero
     * width space), U+180E or U+FEFF, which Unicode no longer counts as white space.
     */
    public static boolean isSpace(int codePoint) {
        if (codePoint <= 0xFF) {
            return switch (codePoint) {
                case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0 -> true;
                default -> false;
            };
        }
        return codePoint == 0x1680
                || (codePoint >= 0x2000 && codePoint <= 0x200A)
                || codePoint == 0x2028 || codePoint == 0x2029
                || codePoint == 0x202F || codePoint == 0x205F
                || codePoint == 0x3000;
    }

    /**
     * The first element of Go's {@code strings.Fields(message)}, or "" when the message is empty or only white space.
     * Only the first word ever matters to a trigger, so the rest of the message is not split.
     */
    public static String firstWord(String message) {
        int length = message.length();
        int start = 0;
        while (start < length) {
            int cp = message.codePointAt(start);
            if (!isSpace(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        int end = start;
        while (end < length) {
            int cp = message.codePointAt(end);
            if (isSpace(cp)) {
                break;
            }
            end += Character.charCount(cp);
        }
        return message.substring(start, end);
    }
}
