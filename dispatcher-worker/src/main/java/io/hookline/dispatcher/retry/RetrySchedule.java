package io.hookline.dispatcher.retry;

import java.time.Duration;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * When to try a delivery again. The default schedule (1 s, 5 s, 15 s, 40 s) grows about threefold per step and ends
 * within about a minute of the first attempt, because a chat reply that comes later is stale.
 *
 * @param delays        the delay before retry n (n = 1 .. size); their count is the number of retries
 * @param jitter        each delay is spread by +- this fraction, so that failures of many deliveries at once do
 *                      not come back at once
 * @param retryAfterMax the longest delay a {@code Retry-After} header may ask for
 */
public record RetrySchedule(List<Duration> delays, double jitter, Duration retryAfterMax) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** Attempts a delivery gets in all, the first one included. */
    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** Whether another attempt may follow after {@code attemptsMade} attempts. */
    public boolean allowsAnother(int attemptsMade) {
        return attemptsMade < maxAttempts();
    }

    /**
     * The delay before the next attempt after {@code attemptsMade} attempts: the scheduled delay with jitter; a
     * {@code Retry-After} may lengthen it up to {@code retryAfterMax}, never shorten it.
     *
     * @param random a source of numbers in [0, 1)
     */
    public Duration delayAfter(int attemptsMade, Duration retryAfter, DoubleSupplier random) {
        if (!allowsAnother(attemptsMade) || attemptsMade < 1) {
            throw new IllegalArgumentException("no retry follows attempt " + attemptsMade);
        }
        long base = delays.get(attemptsMade - 1).toMillis();
        long jittered = Math.max(0, Math.round(base * (1 + jitter * (2 * random.getAsDouble() - 1))));
        if (retryAfter == null) {
            return Duration.ofMillis(jittered);
        }
        long asked = Math.min(retryAfter.toMillis(), retryAfterMax.toMillis());
        return Duration.ofMillis(Math.max(jittered, asked));
    }
}
