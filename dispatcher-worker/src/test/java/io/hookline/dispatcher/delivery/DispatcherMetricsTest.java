package io.hookline.dispatcher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DispatcherMetricsTest {

    @Test
    void countsAttemptsOutcomesAndExposesGauges() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DispatcherMetrics m = new DispatcherMetrics(registry);
        m.attempt("first", "succeeded", "2xx", 12);
        m.attempt("first", "succeeded", "2xx", 30);
        m.attempt("retry", "retryable", "http_5xx", 7);
        m.outcome("failed", "http_410");
        m.retryScheduled();
        m.deadLetter("first");
        AtomicInteger inFlight = new AtomicInteger(3);
        m.inFlight("first", inFlight::get);
        m.retryBacklog(() -> 5);

        assertThat(registry.get("hookline.dispatcher.attempts").tags("lane", "first", "reason", "2xx").counter()
                .count()).isEqualTo(2);
        assertThat(registry.get("hookline.dispatcher.attempts").tag("verdict", "retryable").counter().count())
                .isEqualTo(1);
        var latency = registry.get("hookline.dispatcher.attempt.latency").tag("lane", "first").timer();
        assertThat(latency.count()).isEqualTo(2);
        assertThat(latency.max(TimeUnit.MILLISECONDS)).isEqualTo(30);
        assertThat(registry.get("hookline.dispatcher.outcomes").tag("reason", "http_410").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("hookline.dispatcher.retries.scheduled").counter().count()).isEqualTo(1);
        assertThat(registry.get("hookline.dispatcher.dead.letters").tag("lane", "first").counter().count())
                .isEqualTo(1);
        inFlight.set(9);
        assertThat(registry.get("hookline.dispatcher.in.flight").tag("lane", "first").gauge().value()).isEqualTo(9);
        assertThat(registry.get("hookline.dispatcher.retry.backlog").gauge().value()).isEqualTo(5);
    }

    @Test
    void setAsideDeliveriesWaitingAndEachHostsLimitAreVisible() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DispatcherMetrics m = new DispatcherMetrics(registry);
        m.setAside("first");
        m.setAside("first");
        m.hostWaiting("first", () -> 12);
        m.heldPartitions("first", () -> 3);
        AtomicInteger limit = new AtomicInteger(64);
        var watch = m.hostLimits("first");
        watch.tracked("bot.example:443", limit::get);
        limit.set(7);

        assertThat(registry.get("hookline.dispatcher.set.aside").tag("lane", "first").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("hookline.dispatcher.host.waiting").tag("lane", "first").gauge().value())
                .isEqualTo(12);
        assertThat(registry.get("hookline.dispatcher.held.partitions").tag("lane", "first").gauge().value())
                .isEqualTo(3);
        assertThat(registry.get("hookline.dispatcher.host.limit").tags("lane", "first", "host", "bot.example:443")
                .gauge().value()).isEqualTo(7);
        watch.forgotten("bot.example:443");
        assertThat(registry.find("hookline.dispatcher.host.limit").gauges()).isEmpty();
    }
}
