package io.hookline.runtime.service;

import java.util.Map;

/**
 * A long-running Hookline stage (matcher, dispatcher, ingestor): built from a configuration, started once, closed
 * once. {@code close} is idempotent and waits for in-flight work to be committed or abandoned safely.
 */
public interface HooklineService extends AutoCloseable {

    /** Short name used in logs, metrics and health output: {@code matcher}, {@code dispatcher}, {@code ingestor}. */
    String name();

    /** Starts the service's threads and returns; failures to start are thrown. */
    void start();

    /** True while the service's Kafka clients are running and it is able to make progress. */
    boolean isRunning();

    /**
     * Liveness and readiness from the state of the service's Kafka clients, for {@code /health}. Safe to call from any
     * thread at any time. The default knows only {@link #isRunning()}; services refine it.
     */
    default ServiceHealth health() {
        return isRunning() ? new ServiceHealth(true, true, "RUNNING", Map.of())
                : ServiceHealth.down("DOWN", Map.of());
    }

    /**
     * What the service serves over HTTP, by name ({@code integration-api} to its URL), for the ready line; empty for the
     * stages that only read and write Kafka.
     */
    default Map<String, String> endpoints() {
        return Map.of();
    }

    @Override
    void close();
}
