package io.hookline.dispatcher.delivery;

import io.hookline.dispatcher.flow.DeliveryScheduler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The dispatcher's meters:
 * <ul>
 *   <li>{@code hookline.dispatcher.attempts} (counter; tags {@code lane} first|retry, {@code verdict}
 *       succeeded|retryable|final, {@code reason} 2xx, http_5xx, timeout, ...)</li>
 *   <li>{@code hookline.dispatcher.attempt.latency} (timer with a percentile histogram; tag {@code lane})</li>
 *   <li>{@code hookline.dispatcher.outcomes} (counter; tags {@code status} succeeded|failed, {@code reason})</li>
 *   <li>{@code hookline.dispatcher.retries.scheduled} (counter)</li>
 *   <li>{@code hookline.dispatcher.set.aside} (counter; tag {@code lane}): deliveries set aside to the retry
 *       schedule without an attempt because their host was failing or too slow to take them in time</li>
 *   <li>{@code hookline.dispatcher.host.limit} (gauge; tags {@code lane}, {@code host}): each host's current
 *       adaptive concurrency limit, for the hosts in use or in trouble</li>
 *   <li>{@code hookline.dispatcher.host.waiting} (gauge; tag {@code lane}): deliveries read and waiting for their
 *       host's budget; {@code hookline.dispatcher.held.partitions} (gauge; tag {@code lane}): partitions paused
 *       until a healthy host has room in its queue (back-pressure)</li>
 *   <li>{@code hookline.dispatcher.dead.letters} (counter; tag {@code lane}): records a lane could not read, sent
 *       whole to {@code dead-letters}; a delivery that failed is an outcome, not a dead letter</li>
 *   <li>{@code hookline.dispatcher.interactions} (counter; tags {@code type} post_action|dialog_submission|
 *       dialog_lookup, {@code result} succeeded|failed|refused, {@code reason} 2xx, http_5xx, timeout, ... or the
 *       refusal's error id): one per interaction, which is never retried, counted when its call ends (an answer then
 *       too large to record is counted again as failed, too_large_to_record)</li>
 *   <li>{@code hookline.dispatcher.interaction.latency} (timer with a percentile histogram; tag {@code type}): the
 *       integration's answer time of each call made</li>
 *   <li>{@code hookline.dispatcher.in.flight} (gauge; tag {@code lane} first|retry|interaction),
 *       {@code hookline.dispatcher.retry.backlog}
 *       (gauge: retries read and not yet finished)</li>
 * </ul>
 */
public final class DispatcherMetrics {

    private final MeterRegistry registry;
    // meters are looked up once per tag combination: registering on every attempt costs more than the count
    private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    public DispatcherMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void attempt(String lane, String verdict, String reason, long latencyMs) {
        counter("hookline.dispatcher.attempts", "lane", lane, "verdict", verdict, "reason", reason).increment();
        timers.computeIfAbsent(lane, l -> Timer.builder("hookline.dispatcher.attempt.latency").tag("lane", l)
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(60)).register(registry))
                .record(Duration.ofMillis(latencyMs));
    }

    /** One interaction's result; {@code latencyMs} null when no call was made (refused). */
    public void interaction(String type, String result, String reason, Long latencyMs) {
        counter("hookline.dispatcher.interactions", "type", type, "result", result, "reason", reason).increment();
        if (latencyMs != null) {
            timers.computeIfAbsent("interaction:" + type, k -> Timer.builder("hookline.dispatcher.interaction.latency")
                    .tag("type", type).publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(60)).register(registry))
                    .record(Duration.ofMillis(latencyMs));
        }
    }

    public void outcome(String status, String reason) {
        counter("hookline.dispatcher.outcomes", "status", status, "reason", reason).increment();
    }

    public void retryScheduled() {
        counter("hookline.dispatcher.retries.scheduled").increment();
    }

    /** A delivery set aside to the retry schedule without an attempt (its host failing or too slow). */
    public void setAside(String lane) {
        counter("hookline.dispatcher.set.aside", "lane", lane).increment();
    }

    public void deadLetter(String lane) {
        counter("hookline.dispatcher.dead.letters", "lane", lane).increment();
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(List.of(name, String.join("\u0000", tags)),
                k -> Counter.builder(name).tags(tags).register(registry));
    }

    public void inFlight(String lane, Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.in.flight", value).tag("lane", lane).strongReference(true)
                .register(registry);
    }

    /** Deliveries read and waiting for their host's budget (started ones not counted). */
    public void hostWaiting(String lane, Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.host.waiting", value).tag("lane", lane).strongReference(true)
                .register(registry);
    }

    /** Partitions the lane holds back (paused) until a host has room in its queue. */
    public void heldPartitions(String lane, Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.held.partitions", value).tag("lane", lane).strongReference(true)
                .register(registry);
    }

    /**
     * The per-host limit gauge of a lane's scheduler: {@code hookline.dispatcher.host.limit} (tags {@code lane},
     * {@code host} as host:port), registered while the scheduler keeps a limit for the host and removed when it
     * forgets it, so the series are the hosts in use or in trouble.
     */
    public DeliveryScheduler.HostWatch hostLimits(String lane) {
        Map<String, Meter> gauges = new ConcurrentHashMap<>();
        return new DeliveryScheduler.HostWatch() {
            @Override
            public void tracked(String host, IntSupplier limit) {
                gauges.computeIfAbsent(host, h -> Gauge.builder("hookline.dispatcher.host.limit", limit::getAsInt)
                        .tag("lane", lane).tag("host", h).strongReference(true).register(registry));
            }

            @Override
            public void forgotten(String host) {
                Meter gauge = gauges.remove(host);
                if (gauge != null) {
                    registry.remove(gauge);
                }
            }
        };
    }

    public void retryBacklog(Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.retry.backlog", value).strongReference(true).register(registry);
    }

    /** Hooks in the dispatcher's hook table, in any state (live, deleted, rejected). */
    public void hooks(Supplier<Number> value) {
        Gauge.builder("hookline.dispatcher.hooks", value).strongReference(true).register(registry);
    }
}
