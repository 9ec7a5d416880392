package io.hookline.dispatcher;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.dispatcher.retry.RetrySchedule;
import io.hookline.dispatcher.ssrf.AllowList;
import java.time.Duration;
import java.util.Locale;

/**
 * The dispatcher's settings, parsed and checked once at start so that a bad value fails fast with the key's name.
 */
public record DispatcherTuning(
        int maxInFlight,
        int maxInFlightPerHost,
        int retryMaxInFlight,
        int retryMaxInFlightPerHost,
        int maxPending,
        int maxQueuedPerHost,
        RetrySchedule retrySchedule,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration shutdownGrace,
        AllowList allowList) {

    public static DispatcherTuning from(HooklineConfig config) {
        return new DispatcherTuning(
                positive(config, DispatcherSettings.MAX_IN_FLIGHT),
                positive(config, DispatcherSettings.MAX_IN_FLIGHT_PER_HOST),
                positive(config, DispatcherSettings.RETRY_MAX_IN_FLIGHT),
                positive(config, DispatcherSettings.RETRY_MAX_IN_FLIGHT_PER_HOST),
                positive(config, DispatcherSettings.MAX_PENDING),
                positive(config, DispatcherSettings.MAX_QUEUED_PER_HOST),
                new RetrySchedule(
                        durations(config, DispatcherSettings.RETRY_DELAYS),
                        fraction(config, DispatcherSettings.RETRY_JITTER),
                        duration(config, DispatcherSettings.RETRY_AFTER_MAX)),
                config.getSeconds(Settings.CONNECT_TIMEOUT),
                config.getSeconds(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT),
                duration(config, DispatcherSettings.SHUTDOWN_GRACE),
                AllowList.parse(config.get(Settings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS)));
    }

    /** Parses {@code 250ms}, {@code 5s}, {@code 2m}; a bare number is seconds, Mattermost's unit. */
    public static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
            }
            if (t.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            if (t.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
            }
            return Duration.ofSeconds(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration like 250ms, 5s or 2m");
        }
    }

    private static int positive(HooklineConfig config, ConfigKey key) {
        int value = config.getInt(key);
        if (value < 1) {
            throw new IllegalArgumentException(key.name() + " must be at least 1, got " + value);
        }
        return value;
    }

    private static Duration duration(HooklineConfig config, ConfigKey key) {
        try {
            Duration d = parseDuration(config.require(key));
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key.name() + " must be a duration like 250ms, 5s or 2m, got '"
                    + config.get(key) + "'", e);
        }
    }

    private static java.util.List<Duration> durations(HooklineConfig config, ConfigKey key) {
        String value = config.get(key);
        if (value == null || value.isBlank()) {
            return java.util.List.of();
        }
        var list = new java.util.ArrayList<Duration>();
        for (String part : value.split(",")) {
            try {
                Duration d = parseDuration(part);
                if (d.isNegative()) {
                    throw new IllegalArgumentException("negative");
                }
                list.add(d);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key.name() + " must be comma separated durations like "
                        + "1s,5s,15s,40s, got '" + value + "'", e);
            }
        }
        return java.util.List.copyOf(list);
    }

    private static double fraction(HooklineConfig config, ConfigKey key) {
        try {
            double d = Double.parseDouble(config.require(key).trim());
            if (d < 0 || d >= 1) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key.name() + " must be a fraction in [0, 1), got '" + config.get(key)
                    + "'");
        }
    }
}
