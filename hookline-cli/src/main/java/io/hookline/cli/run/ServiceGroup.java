package io.hookline.cli.run;

import io.hookline.runtime.service.HooklineService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Services started in order and stopped in reverse order. Starting is all or nothing: when one fails to start or to
 * become running in time, those already started are closed again before the failure is thrown.
 */
public final class ServiceGroup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceGroup.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final List<HooklineService> started = new ArrayList<>();
    private final Duration closeTimeout;
    private final LongSupplier nanoClock;

    public ServiceGroup(Duration closeTimeout) {
        this(closeTimeout, System::nanoTime);
    }

    ServiceGroup(Duration closeTimeout, LongSupplier nanoClock) {
        this.closeTimeout = closeTimeout;
        this.nanoClock = nanoClock;
    }

    /**
     * Starts each service, then waits until every one reports {@link HooklineService#isRunning()}.
     *
     * @throws IllegalStateException naming the service that failed or did not become running within {@code timeout}
     */
    public synchronized void start(List<HooklineService> services, Duration timeout) {
        try {
            for (HooklineService s : services) {
                LOG.info("starting {}", s.name());
                try {
                    started.add(s);
                    s.start();
                } catch (RuntimeException e) {
                    throw new IllegalStateException(s.name() + " failed to start: " + e.getMessage(), e);
                }
            }
            awaitRunning(services, timeout);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void awaitRunning(List<HooklineService> services, Duration timeout) {
        long deadline = nanoClock.getAsLong() + timeout.toNanos();
        for (HooklineService s : services) {
            while (!s.isRunning()) {
                if (nanoClock.getAsLong() - deadline > 0) {
                    throw new IllegalStateException(s.name() + " did not report running within " + timeout.toSeconds()
                            + " s");
                }
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + s.name() + " to run", e);
                }
            }
            LOG.info("{} is running", s.name());
        }
    }

    /** The started services, all running right now. */
    synchronized boolean allRunning() {
        return !started.isEmpty() && started.stream().allMatch(HooklineService::isRunning);
    }

    /** The names of started services that are not running (a crashed stream thread, a dead consumer). */
    public synchronized List<String> notRunning() {
        return started.stream().filter(s -> !s.isRunning()).map(HooklineService::name).toList();
    }

    /**
     * Closes the started services in reverse order. Each close gets {@code closeTimeout}; one that hangs (say, because
     * the broker is already gone) is left behind with a warning so that the others, and the broker, still stop.
     */
    @Override
    public synchronized void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            HooklineService s = started.get(i);
            Thread closer = new Thread(() -> {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    LOG.warn("{} failed to close cleanly: {}", s.name(), e.toString());
                }
            }, "hookline-close-" + s.name());
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(closeTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (closer.isAlive()) {
                LOG.warn("{} did not close within {} s; going on", s.name(), closeTimeout.toSeconds());
            } else {
                LOG.info("{} stopped", s.name());
            }
        }
        started.clear();
    }
}
