package io.hookline.cli.hooks;

import io.hookline.runtime.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --grace} of {@code hooks rotate-secret}: how long the replaced signing secret keeps signing, in Hookline's
 * duration grammar ({@link Durations}) with a unit; 0 ends the old secret at once. At most
 * {@link #MAX}: a receiver that has not switched in a month will not, and a typo like {@code 2400h} should not keep
 * a leaked secret alive for a quarter.
 */
public final class GracePeriod implements ITypeConverter<Duration> {

    /** Svix's default for the same operation. */
    public static final String DEFAULT = "24h";
    public static final Duration MAX = Duration.ofDays(30);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** @throws TypeConversionException naming the accepted form or the limit */
    public static Duration parse(String value) {
        // a bare number is seconds in the shared grammar; here a forgotten unit ("24" for a day) would end the old
        // secret within seconds, so only 0 may stand alone
        if (Durations.isBareNumber(value) && Long.parseLong(value.trim()) != 0) {
            throw new TypeConversionException("'" + value + "' has no unit: write 24h, 30m or 7d (0 ends the old "
                    + "secret at once)");
        }
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage() + "; 0 ends the old secret at once");
        }
        if (d.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than the " + MAX.toDays()
                    + " days an old secret may keep signing");
        }
        return d;
    }
}
