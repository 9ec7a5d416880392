package io.hookline.dispatcher.flow;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many deliveries one host gets at once, adapted to what it sustains: additive increase, multiplicative decrease
 * (the AIMD limit of Netflix's concurrency-limits), between 1 and the configured ceiling. A fresh host starts at the
 * ceiling, so a healthy host is never held below the configured budget. Each answer while the limit is in use
 * raises the limit by one; a failure (connect error, timeout, 408, 429, 5xx) or answer far slower than the host's
 * own norm cuts it by a tenth, at most once per round (the host's usual latency, at least 100 ms): failures that
 * arrive together are one congestion event, as TCP reduces its window once per round trip and not once per lost
 * segment. So a host that keeps failing comes down round after round to a single probing request, and the first
 * answers bring it back up; but a host that answers most requests at once while a few of its endpoints hang or
 * fail keeps most of its limit (cutting once per failure would queue its healthy endpoints' deliveries one at a
 * time behind the hanging ones).
 *
 * <p>It also says how the host is doing, which decides what becomes of deliveries beyond its queue: <em>failing</em>
 * when about half its recent results were failures or far slower than its norm; <em>slow</em> when the deliveries
 * already waiting would take longer than the allowed wait to start (requests hanging far beyond the norm count as not
 * moving at all, so a host that stopped answering is recognised before its first timeout).
 *
 * <p>Pure logic on a caller's clock (nanoseconds). Not thread-safe: the scheduler uses it under its lock; only
 * {@link #limit()} may be read from any thread (meters).
 */
final class HostLimit {

    static final int MIN = 1;
    /** The multiplicative decrease: Netflix's default; every failed request applies it, so a burst cuts deep. */
    static final double BACKOFF = 0.9;
    /** An answer this many times slower than the host's norm counts as a failure ... */
    static final double SLOW_FACTOR = 10;
    /** ... when it also took longer than this (a loaded machine stretches millisecond answers). */
    static final long SLOW_FLOOR_NANOS = 100_000_000L;
    /** Weight of one answer in the norm (a moving geometric mean: one outlier moves it little). */
    static final double NORM_WEIGHT = 0.05;
    /** Weight of one result in the trouble score (1 failed or slow, 0 answered). */
    static final double TROUBLE_WEIGHT = 0.1;
    /** The trouble score at which the host is in trouble: about half the recent results went wrong. */
    static final double TROUBLED_AT = 0.5;

    private final int ceiling;
    private final boolean adaptive;
    private volatile int limit;
    /** Moving mean of ln(latency in ns) of answered requests; NaN before the first. */
    private double logNorm = Double.NaN;
    /**
     * Moving mean of how long a request that did not hang held its place (ns), answers and quick failures alike: how
     * fast the places that keep moving turn over (the hanging ones are counted as not moving at all; a host whose
     * fast 500s turn over in milliseconds keeps moving).
     */
    private double pace;
    private double trouble;
    /** When the limit was last cut ({@link #NEVER} before the first cut). */
    private long cutAt = NEVER;
    private static final long NEVER = Long.MIN_VALUE;
    private int inFlight;
    /** Start times of the requests in flight (a multiset: start time to count). */
    private final TreeMap<Long, Integer> started = new TreeMap<>();

    /**
     * @param ceiling  the most requests at once (the configured per-host budget)
     * @param adaptive false for a fixed limit at the ceiling that never reports trouble
     */
    HostLimit(int ceiling, boolean adaptive) {
        if (ceiling < MIN) {
            throw new IllegalArgumentException("a host's ceiling must be at least " + MIN + ", got " + ceiling);
        }
        this.ceiling = ceiling;
        this.adaptive = adaptive;
        this.limit = ceiling;
    }

    /** Requests allowed at once now, in [1, ceiling]. */
    int limit() {
        return limit;
    }

    int inFlight() {
        return inFlight;
    }

    /** Room for one more request: within the limit, or within the ceiling for a delivery's {@code last} attempt. */
    boolean hasRoom(boolean last) {
        return inFlight < (last ? ceiling : limit());
    }

    /** A request to the host starts at {@code now}. */
    void started(long now) {
        inFlight++;
        started.merge(now, 1, Integer::sum);
    }

    /** The request started at {@code startedAt} finished at {@code now}, with what it said about the host. */
    void finished(long startedAt, long now, HostSignal signal) {
        int inUse = inFlight;
        inFlight--;
        started.computeIfPresent(startedAt, (k, n) -> n == 1 ? null : n - 1);
        if (!adaptive || signal == HostSignal.NONE) {
            return;
        }
        long latency = Math.max(1, now - startedAt);
        if (latency <= slowAfter()) {
            pace = pace == 0 ? latency : pace + NORM_WEIGHT * (latency - pace);
        }
        // slowness is judged against the host's own norm, so its first answer sets the norm and is never slow
        boolean slow = signal == HostSignal.ANSWERED && !Double.isNaN(logNorm) && latency > slowAfter();
        boolean failed = signal == HostSignal.FAILED || slow;
        if (signal == HostSignal.ANSWERED) {
            // slow answers move the norm too: a host that stays slower becomes its own new norm, gradually
            double ln = Math.log(latency);
            logNorm = Double.isNaN(logNorm) ? ln : logNorm + NORM_WEIGHT * (ln - logNorm);
        }
        trouble += TROUBLE_WEIGHT * ((failed ? 1 : 0) - trouble);
        if (failed) {
            if (cutAt == NEVER || now - cutAt >= round()) {
                limit = Math.max(MIN, (int) (limit * BACKOFF)); // whole requests: each cut takes at least one away
                cutAt = now;
            }
        } else if (inUse * 2 >= limit) {
            // only grow on evidence: a limit far above what was used says nothing about the host
            limit = Math.min(ceiling, limit + 1);
        }
    }

    /** The {@code ahead} queued deliveries would take longer than {@code maxWaitNanos} to start at the host's pace. */
    boolean slow(int ahead, long now, long maxWaitNanos) {
        return adaptive && expectedWait(ahead, now) > maxWaitNanos;
    }

    /** About half the recent results or more were failures or far slower than the norm. */
    boolean failing() {
        return adaptive && trouble >= TROUBLED_AT;
    }

    /**
     * About how long it takes to start {@code waiting} queued deliveries and one more: rounds of {@code limit}
     * requests, each as long as a request that does not hang usually holds its place, failures included; requests
     * running far beyond the norm are stuck and free no room, and when all are stuck a round lasts at least as long as
     * the oldest has run so far.
     */
    double expectedWait(int waiting, long now) {
        long hangingSince = now - slowAfter();
        int stuck = 0;
        for (Map.Entry<Long, Integer> e : started.headMap(hangingSince, false).entrySet()) {
            stuck += e.getValue();
        }
        double rounds;
        double round;
        int moving = limit() - stuck;
        if (moving <= 0) {
            rounds = Math.ceil((waiting + 1.0) / limit());
            round = started.isEmpty() ? 0 : now - started.firstKey();
        } else {
            rounds = Math.ceil((waiting + 1.0) / moving);
            round = pace;
        }
        return rounds * round;
    }

    /** The usual latency of an answer (ns), 0 before the first. */
    double norm() {
        return Double.isNaN(logNorm) ? 0 : Math.exp(logNorm);
    }

    /** One round of the host: its usual latency, at least the 100 ms floor (ns). */
    long round() {
        return (long) Math.max(SLOW_FLOOR_NANOS, norm());
    }

    /** Latency beyond which an answer counts as slow, or a request in flight as hanging (ns). */
    long slowAfter() {
        return (long) Math.max(SLOW_FLOOR_NANOS, SLOW_FACTOR * norm());
    }

    /** Nothing in flight, at the ceiling, no trouble left: forgetting it loses nothing but the norm. */
    boolean atRest() {
        return inFlight == 0 && limit >= ceiling && trouble < 0.01;
    }
}
