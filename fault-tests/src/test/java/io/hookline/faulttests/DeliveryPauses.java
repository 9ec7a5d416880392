package io.hookline.faulttests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * Samples a delivery counter every 50 ms and remembers when it grew, so that the longest stretch without a delivery
 * in a time window (the stall a fault caused, under a steady load) can be read afterwards.
 */
final class DeliveryPauses implements AutoCloseable {

    private final IntSupplier deliveries;
    private final List<Long> growths = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    DeliveryPauses(IntSupplier deliveries) {
        this.deliveries = deliveries;
        this.sampler = new Thread(this::sample, "delivery-pauses");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample() {
        int last = deliveries.getAsInt();
        while (running) {
            int now = deliveries.getAsInt();
            if (now > last) {
                synchronized (growths) {
                    growths.add(System.nanoTime());
                }
                last = now;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** When the counter last grew at or before {@code t} (System.nanoTime), or {@code t} when it never had. */
    long lastGrowthAtOrBefore(long t) {
        long last = t;
        synchronized (growths) {
            for (long g : growths) {
                if (g > t) {
                    break;
                }
                last = g;
            }
        }
        return last;
    }

    /** When the counter first grew after {@code t} (System.nanoTime), or {@code now} when it has not since. */
    long firstGrowthAfter(long t, long now) {
        synchronized (growths) {
            for (long g : growths) {
                if (g > t) {
                    return g;
                }
            }
        }
        return now;
    }

    /** The longest time between {@code from} and {@code to} (System.nanoTime) without a delivery. */
    Duration longestBetween(long from, long to) {
        long previous = from;
        long longest = 0;
        synchronized (growths) {
            for (long t : growths) {
                if (t <= from) {
                    continue;
                }
                if (t > to) {
                    break;
                }
                longest = Math.max(longest, t - previous);
                previous = t;
            }
        }
        longest = Math.max(longest, to - previous);
        return Duration.ofNanos(longest);
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
