package io.hookline.dispatcher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The dispatcher's meters:
 * <ul>
 *   <li>{@code hookline.dispatcher.attempts} (counter; tags {@code lane} first|retry, {@code verdict}
 *       succeeded|retryable|final, {@code reason} 2xx, http_5xx, timeout, ...)</li>
 *   <li>{@code hookline.dispatcher.attempt.latency} (timer with a percentile histogram; tag {@code lane})</li>
 *   <li>{@code hookline.dispatcher.outcomes} (counter; tags {@code status} succeeded|failed, {@code reason})</li>
 *   <li>{@code hookline.dispatcher.retries.scheduled}, {@code hookline.dispatcher.dead.letters} (counters)</li>
 *   <li>{@code hookline.dispatcher.in.flight} (gauge; tag {@code lane}), {@code hookline.dispatcher.retry.backlog}
 *       (gauge: retries read and not yet finished)</li>
 * </ul>
 */
public final class DispatcherMetrics {

    private final MeterRegistry registry;

    public DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void attempt(String lane, String verdict, String reason, long latencyMs) {
        Counter.builder("hookline.dispatcher.attempts").tag("lane", lane).tag("verdict", verdict)
                .tag("reason", reason).register(registry).increment();
        Timer.builder("hookline.dispatcher.attempt.latency").tag("lane", lane).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(60))
                .register(registry).record(Duration.ofMillis(latencyMs));
    }

    public void outcome(String status, String reason) {
        Counter.builder("hookline.dispatcher.outcomes").tag("status", status).tag("reason", reason)
                .register(registry).increment();
    }

    public void retryScheduled() {
        Counter.builder("hookline.dispatcher.retries.scheduled").register(registry).increment();
    }

    public void deadLetter(String reason) {
        Counter.builder("hookline.dispatcher.dead.letters").tag("reason", reason).register(registry).increment();
    }

    public void inFlight(String lane, Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.in.flight", value).tag("lane", lane).strongReference(true)
                .register(registry);
    }

    public void retryBacklog(Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.retry.backlog", value).strongReference(true).register(registry);
    }
}
