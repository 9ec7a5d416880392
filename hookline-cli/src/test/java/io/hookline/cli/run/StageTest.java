package io.hookline.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StageTest {

    @Test
    void theIntegrationApiRunsLastUnlessItsPortIsOff() {
        List<Stage> all = List.of(Stage.values());
        assertThat(Stage.enabledIn(all, HooklineConfig.of(Map.of()))).extracting(Stage::command)
                .containsExactly("matcher", "dispatcher", "ingestor", "integration-api");
        assertThat(Stage.enabledIn(all, HooklineConfig.of(Map.of("hookline.integration-api-port", "off"))))
                .containsExactly(Stage.MATCHER, Stage.DISPATCHER, Stage.INGESTOR);
        assertThat(Stage.enabledIn(List.of(Stage.DISPATCHER), HooklineConfig.of(Map.of()))).containsExactly(
                Stage.DISPATCHER);
    }
}
