package io.hookline.dispatcher;

import io.hookline.runtime.config.Settings;
import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.dispatcher.retry.RetrySchedule;
import io.hookline.dispatcher.ssrf.AllowList;
import java.time.Duration;

/**
 * The dispatcher's settings, parsed and checked once at start so that a bad value fails fast with the key's name.
 */
public record DispatcherTuning(
        int maxInFlight,
        int maxInFlightPerHost,
        int retryMaxInFlight,
        int retryMaxInFlightPerHost,
        int interactionMaxInFlight,
        int interactionMaxInFlightPerHost,
        int maxPending,
        int maxQueuedPerHost,
        Duration hostMaxWait,
        RetrySchedule retrySchedule,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration shutdownGrace,
        AllowList allowList,
        String userAgent,
        boolean insecureTls) {

    public static DispatcherTuning from(HooklineConfig config) {
        return new DispatcherTuning(
                positive(config, DispatcherSettings.MAX_IN_FLIGHT),
                positive(config, DispatcherSettings.MAX_IN_FLIGHT_PER_HOST),
                positive(config, DispatcherSettings.RETRY_MAX_IN_FLIGHT),
                positive(config, DispatcherSettings.RETRY_MAX_IN_FLIGHT_PER_HOST),
                positive(config, DispatcherSettings.INTERACTION_MAX_IN_FLIGHT),
                positive(config, DispatcherSettings.INTERACTION_MAX_IN_FLIGHT_PER_HOST),
                positive(config, DispatcherSettings.MAX_PENDING),
                positive(config, DispatcherSettings.MAX_QUEUED_PER_HOST),
                config.getPositiveDuration(DispatcherSettings.HOST_MAX_WAIT),
                new RetrySchedule(
                        config.getDurations(DispatcherSettings.RETRY_DELAYS),
                        fraction(config, DispatcherSettings.RETRY_JITTER),
                        config.getDuration(DispatcherSettings.RETRY_AFTER_MAX)),
                config.getPositiveDuration(DispatcherSettings.CONNECT_TIMEOUT),
                config.getPositiveDuration(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT),
                config.getDuration(DispatcherSettings.SHUTDOWN_GRACE),
                AllowList.parse(config.get(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS)),
                userAgent(config),
                config.getBoolean(DispatcherSettings.ENABLE_INSECURE_OUTGOING_CONNECTIONS));
    }

    /** A header value: OkHttp refuses control characters only when sending, so refuse them here, at start. */
    private static String userAgent(HooklineConfig config) {
        String value = config.get(DispatcherSettings.USER_AGENT);
        if (value == null || value.isBlank() || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c >= 0x7f)) {
            throw new IllegalArgumentException(DispatcherSettings.USER_AGENT.name()
                    + " must be a non-empty header value of printable ASCII");
        }
        return value;
    }

    private static int positive(HooklineConfig config, ConfigKey key) {
        int value = config.getInt(key);
        if (value < 1) {
            throw new IllegalArgumentException(key.name() + " must be at least 1, got " + value);
        }
        return value;
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
