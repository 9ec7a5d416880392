package io.hookline.schemas.dialog;

import java.util.List;

/** Go's text primitives that Mattermost's messages depend on: {@code len}, {@code %q} and go-multierror's format. */
final class GoText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoText() {
    }

    /** Go's {@code len(s)}: UTF-8 bytes. A lone surrogate counts as the U+FFFD a Go string would hold (3 bytes). */
    static int bytes(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** Go's {@code strconv.Quote}, which {@code %q} uses: printable runes kept, everything else escaped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp) && cp < 0x10000) {
                cp = 0xFFFD;
            }
            if (cp == '"' || cp == '\\') {
                out.append('\\').append((char) cp);
            } else if (isPrint(cp)) {
                out.appendCodePoint(cp);
            } else {
                switch (cp) {
                    case 0x07 -> out.append("\\a");
                    case '\b' -> out.append("\\b");
                    case '\f' -> out.append("\\f");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case 0x0B -> out.append("\\v");
                    default -> {
                        if (cp < ' ' || cp == 0x7F) {
                            out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
                        } else if (cp < 0x10000) {
                            out.append("\\u");
                            hex(out, cp, 4);
                        } else {
                            out.append("\\U");
                            hex(out, cp, 8);
                        }
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER,
                    Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                    Character.OTHER_PUNCTUATION,
                    Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
                    Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * go-multierror's {@code ListFormatFunc}, the text of a {@code *multierror.Error}: "1 error occurred:" or
     * "N errors occurred:", each error on its own line as a tab, "* " and its text, then a blank line.
     */
    static String multierror(List<String> errors) {
        if (errors.size() == 1) {
            return "1 error occurred:\n\t* " + errors.get(0) + "\n\n";
        }
        StringBuilder out = new StringBuilder().append(errors.size()).append(" errors occurred:\n\t");
        for (int i = 0; i < errors.size(); i++) {
            if (i > 0) {
                out.append("\n\t");
            }
            out.append("* ").append(errors.get(i));
        }
        return out.append("\n\n").toString();
    }

    private static void hex(StringBuilder out, int v, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(v >> shift) & 0xF]);
        }
    }
}
