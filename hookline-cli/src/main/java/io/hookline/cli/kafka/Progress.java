package io.hookline.cli.kafka;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Progress of a command that may take long (reading a large topic to its end, replaying many dead letters, asking for
 * the lag of many groups), as lines on stderr so that stdout stays the command's machine-readable output. Silent for
 * the first {@link #QUIET_FOR}, so quick runs print nothing; then the current state every {@link #EVERY}, from a
 * daemon thread, which also covers a call that blocks. {@code state} is called on that thread: it must only read
 * thread-safe counters.
 */
public final class Progress implements AutoCloseable {

    public static final Duration QUIET_FOR = Duration.ofSeconds(2);
    public static final Duration EVERY = Duration.ofSeconds(5);

    private final ScheduledExecutorService timer;

    private Progress(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Reports {@code state} on {@code notes} once the command has run for {@link #QUIET_FOR}, until closed. */
    public static Progress start(PrintWriter notes, Supplier<String> state) {
        return start(notes, state, QUIET_FOR, EVERY);
    }

    static Progress start(PrintWriter notes, Supplier<String> state, Duration quietFor, Duration every) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "hookline-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(() -> {
            notes.println(state.get());
            notes.flush();
        }, quietFor.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return new Progress(timer);
    }

    /** Reports nothing: for callers that want no notes on stderr. */
    public static Progress none() {
        return new Progress(null);
    }

    /** {@code "12 of 40 (30%)"}; a total of 0 counts as done. */
    public static String ofTotal(long done, long total) {
        long percent = total <= 0 ? 100 : Math.min(100, done * 100 / total);
        return done + " of " + total + " (" + percent + "%)";
    }

    /** Stops reporting; returns once a line being printed is complete, so no note follows the command's last one. */
    @Override
    public void close() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
