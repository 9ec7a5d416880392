package io.hookline.cli.interact;

import io.hookline.runtime.config.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --wait} and {@code --dialog-wait}: Hookline's duration grammar ({@link Durations}), at most an hour. */
final class WaitDuration implements ITypeConverter<Duration> {

    private static final Duration MAX = Duration.ofHours(1);

    @Override
    public Duration convert(String value) {
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
        if (d.compareTo(MAX) > 0) {
            throw new TypeConversionException("'" + value + "' is longer than an hour");
        }
        return d;
    }
}
