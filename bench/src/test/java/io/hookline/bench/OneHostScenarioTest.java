package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class OneHostScenarioTest {

    @Test
    void theCeilingIsTheClientAlonesCpuOverTheSameCallPlusTheBrokersAndTheEndpointsInThePipelineRun() {
        // client 452 + its endpoint 172 = 624 us per request; the pipeline: the same call 452, endpoint 109, broker 695
        assertThat(OneHostScenario.ratioCeiling(452, 172, 109, 695)).isCloseTo(624.0 / 1256, within(1e-9));
        assertThat(OneHostScenario.ratioCeiling(400, 100, 100, 0)).as("a free broker caps nothing").isEqualTo(1.0);
    }
}
