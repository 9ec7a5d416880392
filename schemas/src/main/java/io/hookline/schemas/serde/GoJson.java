package io.hookline.schemas.serde;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON exactly as Go's {@code json.Marshal} writes it (Go 1.22 and later, which Mattermost builds with), for bodies a
 * receiver may compare byte for byte or sign: no spaces; struct fields in the order they are written; map keys sorted
 * by their UTF-8 bytes; strings HTML-safe ({@code <}, {@code >}, {@code &}, U+2028, U+2029 as lower-case
 * {@code \}{@code u} escapes, {@code \b} and {@code \f} short, other control characters as {@code \}{@code u00xx}, a
 * lone surrogate, which no Go string can hold, as U+FFFD); numbers of a decoded document as the {@code float64} Go
 * decodes them into. Jackson differs in each of these.
 */
public final class GoJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoJson() {
    }

    /** A Go struct being written: one field after the other, in the order of the calls. */
    public static Struct struct() {
        return new Struct();
    }

    /** The fields of one JSON object, written in call order. */
    public static final class Struct {

        private final StringBuilder out = new StringBuilder(512).append('{');

        private Struct() {
        }

        public Struct string(String name, String value) {
            appendString(name(name), value == null ? "" : value);
            return this;
        }

        public Struct number(String name, long value) {
            name(name).append(value);
            return this;
        }

        public Struct bool(String name, boolean value) {
            name(name).append(value);
            return this;
        }

        /**
         * A field holding a decoded JSON value ({@code map[string]any}, {@code []any}, ...); null is written as
         * {@code null}.
         *
         * @throws IllegalArgumentException for a value Go cannot marshal (NaN, an infinity, a non-JSON object)
         */
        public Struct value(String name, Object value) {
            appendValue(name(name), value);
            return this;
        }

        private StringBuilder name(String name) {
            if (out.length() > 1) {
                out.append(',');
            }
            appendString(out, name);
            return out.append(':');
        }

        public byte[] bytes() {
            return toString().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return out + "}";
        }
    }

    /** Go's {@code appendString} with HTML escaping on. */
    public static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"', '\\' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(out, c);
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * A value as Jackson decodes a JSON document into {@code Object} (maps, lists, strings, numbers, booleans, null),
     * written as Go writes the same document decoded into {@code any}.
     *
     * @throws IllegalArgumentException for a value Go cannot marshal (NaN, an infinity, a non-JSON object)
     */
    public static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            appendString(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n) {
            out.append(number(n.doubleValue()));
        } else if (value instanceof Map<?, ?> map) {
            List<String> keys = new ArrayList<>(map.size());
            for (Object k : map.keySet()) {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("a JSON object key must be a string, got " + k);
                }
                keys.add(key);
            }
            keys.sort(GoJson::compareKeys);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendString(out, keys.get(i));
                out.append(':');
                appendValue(out, map.get(keys.get(i)));
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendValue(out, list.get(i));
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    /**
     * Go's order of map keys: by their UTF-8 bytes, which is code point order (Java's {@code compareTo} orders UTF-16
     * units, so it puts U+E000..U+FFFF after the supplementary planes).
     */
    public static int compareKeys(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = goRune(a, i);
            int cb = goRune(b, j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(a.codePointAt(i));
            j += Character.charCount(b.codePointAt(j));
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** The rune a Go string holds at {@code i}: a lone surrogate is U+FFFD there. */
    private static int goRune(String s, int i) {
        int cp = s.codePointAt(i);
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE ? 0xFFFD : cp;
    }

    /**
     * Go's {@code floatEncoder} for {@code float64}: the shortest digits that read back as the same number, plain
     * notation from 1e-6 up to below 1e21, else {@code 1e+21} / {@code 1e-7} (exponent without a leading zero).
     *
     * @throws IllegalArgumentException for NaN and the infinities, which Go refuses to marshal
     */
    public static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("json: unsupported value: " + d);
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        // Jackson's Schubfach writer gives the shortest round-tripping digits (Java 17's Double.toString may not)
        BigDecimal exact = new BigDecimal(NumberOutput.toString(d, true)).stripTrailingZeros();
        if (exact.precision() == 2) {
            // Java's algorithm never goes below two digits (4.9e-324 where Go's shortest is 5e-324)
            BigDecimal one = new BigDecimal(d).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == d) {
                exact = one.stripTrailingZeros();
            }
        }
        double abs = Math.abs(d);
        if (abs >= 1e-6 && abs < 1e21) {
            return exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (d < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        // strconv writes at least two exponent digits; encoding/json then drops the 0 of e-07
        if (e < 10 && exponent > 0) {
            out.append('0');
        }
        return out.append(e).toString();
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
    }
}
