package io.hookline.cli.console;

/**
 * One part of the console's JSON API (hooks, deliveries, playground...): registers its routes and streams, and
 * closes what it holds (Kafka clients, threads) when the console stops.
 */
public interface ConsoleApi extends AutoCloseable {

    void register(Routes routes);

    @Override
    default void close() {
    }
}
