package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LatencyScenarioTest {

    @Test
    void theDefaultLoadIsAccepted() {
        LatencyScenario.Load load = new LatencyScenario.Load(1_000, 25, 8, 0);

        assertThat(load.writerLingerMs()).isZero();
    }

    @Test
    void aWarmUpThatLeavesNothingToCountIsRefusedNamingTheLoad() {
        assertThatThrownBy(() -> new LatencyScenario.Load(1_000, 10, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("warm-up < seconds")
                .hasMessageContaining("warmupSeconds=10");
    }

    @Test
    void aNegativeWriterLingerIsRefused() {
        assertThatThrownBy(() -> new LatencyScenario.Load(1_000, 25, 8, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writerLingerMs=-1");
    }

    @Test
    void noPostsPerSecondIsRefused() {
        assertThatThrownBy(() -> new LatencyScenario.Load(0, 25, 8, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("postsPerSecond=0");
    }
}
