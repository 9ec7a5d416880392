package io.hookline.runtime.streams;

import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.service.ServiceHealth;
import java.util.Objects;

/**
 * A stage made of Kafka Streams applications: its life as a service (start, running, health, close) is that of the
 * one {@link StreamsRunner} that runs them. A stage only builds its runner (applications, topologies, counters).
 */
public abstract class StreamsStage implements HooklineService {

    private final StreamsRunner runner;

    protected StreamsStage(StreamsRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    @Override
    public final String name() {
        return runner.stage();
    }

    /** Starts the runner's clients; see {@link StreamsRunner#start()}. */
    @Override
    public void start() {
        runner.start();
    }

    @Override
    public final boolean isRunning() {
        return runner.isRunning();
    }

    /** Live and ready from the states of the stage's Streams clients, keyed by application role. */
    @Override
    public final ServiceHealth health() {
        return runner.health();
    }

    @Override
    public final void close() {
        runner.close();
    }
}
