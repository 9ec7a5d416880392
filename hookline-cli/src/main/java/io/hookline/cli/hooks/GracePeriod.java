package io.hookline.cli.hooks;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --grace} of {@code hooks rotate-secret}: how long the replaced signing secret keeps signing. A whole number
 * with a unit {@code s}, {@code m}, {@code h} or {@code d}; 0 ends the old secret at once. At most
 * {@link #MAX}: a receiver that has not switched in a month will not, and a typo like {@code 2400h} should not keep
 * a leaked secret alive for a quarter.
 */
public final class GracePeriod implements ITypeConverter<Duration> {

    /** Svix's default for the same operation. */
    public static final String DEFAULT = "24h";
    public static final Duration MAX = Duration.ofDays(30);

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smhd])");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** @throws TypeConversionException naming the accepted form or the limit */
    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = FORM.matcher(v);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration like 30m, 24h or 7d (a whole "
                    + "number and s, m, h or d; 0 ends the old secret at once)");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        if (d.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than the " + MAX.toDays()
                    + " days an old secret may keep signing");
        }
        return d;
    }
}
