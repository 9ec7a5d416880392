package io.hookline.schemas.dialog;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The date and datetime checks of Mattermost's dialog validation: its relative formats and Go's {@code time.Parse}
 * of its five layouts, with Go's leniencies (a one-digit hour, fractional seconds after the seconds, offsets up to
 * 24:60) and strictness (two-digit month, day, minute and second; the day must exist in the month).
 */
final class GoTime {

    /** Mattermost's layouts, as the parts {@link #parses} understands. */
    enum Layout {
        DATE("2006-01-02"),
        DATETIME_UTC("2006-01-02T15:04:05Z"),
        DATETIME_OFFSET("2006-01-02T15:04:05-07:00"),
        DATETIME_LOCAL("2006-01-02T15:04:05"),
        DATETIME_MINUTES("2006-01-02T15:04");

        final String go;

        Layout(String go) {
            this.go = go;
        }
    }

    /** The datetime layouts, in the order Mattermost tries them. */
    static final List<Layout> DATETIME_LAYOUTS =
            List.of(Layout.DATETIME_UTC, Layout.DATETIME_OFFSET, Layout.DATETIME_LOCAL, Layout.DATETIME_MINUTES);

    private GoTime() {
    }

    /** {@code today}, {@code tomorrow}, {@code yesterday}, or ±N followed by d, w or m (any case), 3 to 5 bytes. */
    static boolean isRelative(String value) {
        if (value.equals("today") || value.equals("tomorrow") || value.equals("yesterday")) {
            return true;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        if (b.length < 3 || b.length > 5 || (b[0] != '+' && b[0] != '-')) {
            return false;
        }
        // Go lower-cases the last byte taken as a rune: only ASCII d, w, m (either case) can match
        int last = b[b.length - 1];
        if ("dwmDWM".indexOf(last) < 0) {
            return false;
        }
        return isGoAtoi(new String(b, 1, b.length - 2, StandardCharsets.UTF_8));
    }

    /** Go's {@code strconv.Atoi} succeeds: an optional sign, then at least one ASCII digit, nothing else. */
    private static boolean isGoAtoi(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        if (i >= s.length()) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!digit(s, i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether Go's {@code time.Parse(layout, value)} succeeds. */
    static boolean parses(Layout layout, String value) {
        Cursor c = new Cursor(value);
        int year = c.fixed(4);
        if (year < 0 || !c.literal('-')) {
            return false;
        }
        int month = c.fixed(2);
        if (month < 1 || month > 12 || !c.literal('-')) {
            return false;
        }
        int day = c.fixed(2);
        if (day < 0) {
            return false;
        }
        if (layout != Layout.DATE) {
            if (!c.literal('T')) {
                return false;
            }
            int hour = c.hour();
            if (hour < 0 || hour >= 24 || !c.literal(':')) {
                return false;
            }
            int minute = c.fixed(2);
            if (minute < 0 || minute >= 60) {
                return false;
            }
            if (layout != Layout.DATETIME_MINUTES) {
                if (!c.literal(':')) {
                    return false;
                }
                int second = c.fixed(2);
                if (second < 0 || second >= 60) {
                    return false;
                }
                c.fraction();
                if (layout == Layout.DATETIME_UTC && !c.literal('Z')) {
                    return false;
                }
                if (layout == Layout.DATETIME_OFFSET && !c.offset()) {
                    return false;
                }
            }
        }
        return c.atEnd() && day >= 1 && day <= daysIn(month, year);
    }

    private static int daysIn(int month, int year) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean digit(String s, int i) {
        return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }

    /** A position in the value being parsed. */
    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s;
        }

        /** Exactly {@code n} ASCII digits; -1 otherwise. */
        int fixed(int n) {
            int v = 0;
            for (int k = 0; k < n; k++) {
                if (!digit(s, i + k)) {
                    return -1;
                }
                v = v * 10 + (s.charAt(i + k) - '0');
            }
            i += n;
            return v;
        }

        /** Go's "15": one or two digits. */
        int hour() {
            if (!digit(s, i)) {
                return -1;
            }
            if (!digit(s, i + 1)) {
                return s.charAt(i++) - '0';
            }
            return fixed(2);
        }

        boolean literal(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        /** Go accepts a fraction (. or , and digits) right after the seconds even when the layout has none. */
        void fraction() {
            if (i + 1 < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ',') && digit(s, i + 1)) {
                i += 2;
                while (digit(s, i)) {
                    i++;
                }
            }
        }

        /** Go's "-07:00": a sign, two digits, a colon, two digits; hours up to 24 and minutes up to 60. */
        boolean offset() {
            if (s.length() - i < 6 || s.charAt(i + 3) != ':') {
                return false;
            }
            char sign = s.charAt(i);
            i++;
            int hours = fixed(2);
            i++;
            int minutes = fixed(2);
            return (sign == '+' || sign == '-') && hours >= 0 && hours <= 24 && minutes >= 0 && minutes <= 60;
        }

        boolean atEnd() {
            return i == s.length();
        }
    }
}
