package io.hookline.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/** The runner's checks and lifecycle without a broker; the services' broker tests run it for real. */
class StreamsRunnerTest {

    private static StreamsRunner runner(Map<String, String> settings, SimpleMeterRegistry registry) {
        return new StreamsRunner("ingestor", HooklineConfig.of(settings), registry, Duration.ofSeconds(1));
    }

    @Test
    void settingsAreCheckedWhenAnApplicationIsAdded() {
        StreamsRunner runner = runner(Map.of("hookline.processing-guarantee", "none"), new SimpleMeterRegistry());
        assertThatThrownBy(() -> runner.add(StreamsApp.main("ingestor"), builder -> new Topology()))
                .hasMessageContaining("hookline.processing-guarantee must be");
        assertThatThrownBy(() -> runner(Map.of(), new SimpleMeterRegistry())
                .add(StreamsApp.main("matcher"), builder -> new Topology()))
                .hasMessageContaining("not one of the stage ingestor");
    }

    @Test
    void lifecycleWithoutABroker() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        StreamsRunner runner = runner(Map.of(), registry).add(StreamsApp.main("ingestor"), builder -> new Topology());
        assertThat(registry.get("hookline.dead.letters").tag("service", "ingestor").functionCounter().count())
                .isZero();
        assertThat(runner.health().state()).isEqualTo("NOT_STARTED");
        assertThatThrownBy(runner::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers is not set");
        assertThat(runner.isRunning()).isFalse();
        runner.close();
        runner.close();
        assertThat(runner.health().state()).isEqualTo("CLOSED");
        assertThat(runner.health().live()).isFalse();
        assertThatThrownBy(runner::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
