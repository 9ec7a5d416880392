package io.hookline.cli.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, handled by the command's own thread instead of JVM shutdown hooks.
 * Shutdown hooks run all at once in no order, so the local broker's own hook would stop Kafka while the services are
 * still committing; handling the signal lets the command stop services first and the broker last, then exit.
 */
public final class StopSignal {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

    private final CountDownLatch requested = new CountDownLatch(1);

    /** Installs the handlers (best effort: a JVM without {@code sun.misc.Signal} falls back to shutdown hooks). */
    public static StopSignal install() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    if (stop.isRequested()) {
                        // A second Ctrl-C: the user does not want to wait for a clean stop.
                        LOG.warn("SIG{} again, exiting now", name);
                        System.exit(130);
                    }
                    LOG.info("SIG{} received, stopping", name);
                    stop.request();
                });
            } catch (IllegalArgumentException | LinkageError e) {
                LOG.debug("cannot handle SIG{}: {}", name, e.toString());
            }
        }
        return stop;
    }

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code millis} for a stop request; true when one came. */
    public boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }
}
