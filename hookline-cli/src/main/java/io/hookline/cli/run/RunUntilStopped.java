package io.hookline.cli.run;

import io.hookline.cli.ExitCodes;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every long-running command: wait for Ctrl-C or SIGTERM ({@link StopSignal}) while watching, once a
 * second, that what the command runs (services, a broker, a server) is still alive.
 */
public final class RunUntilStopped {

    private static final Logger LOG = LoggerFactory.getLogger(RunUntilStopped.class);
    private static final long WATCH_MILLIS = 1_000;

    private RunUntilStopped() {
    }

    /**
     * @param failure null while everything runs, else what stopped by itself (logged as the reason to stop)
     * @return {@link ExitCodes#OK} after a requested stop, {@link ExitCodes#FAILURE} when something stopped by itself
     */
    public static int await(StopSignal stop, Supplier<String> failure) throws InterruptedException {
        while (!stop.await(WATCH_MILLIS)) {
            String problem = failure.get();
            if (problem != null) {
                LOG.error("{}; stopping", problem);
                return ExitCodes.FAILURE;
            }
        }
        return ExitCodes.OK;
    }

    /** Until a stop request only, for what cannot fail by itself. */
    public static int await(StopSignal stop) throws InterruptedException {
        return await(stop, () -> null);
    }
}
