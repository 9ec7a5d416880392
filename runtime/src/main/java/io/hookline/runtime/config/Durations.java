package io.hookline.runtime.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hookline's one duration grammar, for configuration keys and command options alike: a whole number followed by
 * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 250ms}, {@code 5s}, {@code 24h}, {@code 7d}). A bare
 * whole number is seconds, the unit of Mattermost's own timeout settings.
 */
public final class Durations {

    /** What a valid duration looks like, for error messages. */
    public static final String FORM = "a duration like 250ms, 5s, 30m, 24h or 7d (a bare number is seconds)";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)?");

    private Durations() {
    }

    /** @throws IllegalArgumentException naming {@code text} and the accepted form */
    public static Duration parse(String text) {
        Matcher m = DURATION.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + FORM);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Whether {@code text} is a bare number, without a unit. */
    public static boolean isBareNumber(String text) {
        return text != null && text.trim().matches("\\d+");
    }
}
