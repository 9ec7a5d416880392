package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How {@code -Dbench.stage-jvm-options} and {@code -Dbench.stage-settings} reach each stage process. */
class StageOptionsTest {

    @AfterEach
    void clear() {
        System.clearProperty(BenchKafka.STAGE_SETTINGS_PROPERTY);
    }

    @Test
    void jvmOptionsGoToEveryStageOrToTheOneTheyName() {
        String property = " -XX:TieredStopAtLevel=1  matcher:-XX:AOTCache=/tmp/m@x.aot dispatcher:-Xmx1g ";

        assertThat(BenchKafka.stageJvmOptions("matcher", property))
                .containsExactly("-XX:TieredStopAtLevel=1", "-XX:AOTCache=/tmp/m@x.aot");
        assertThat(BenchKafka.stageJvmOptions("dispatcher", property))
                .containsExactly("-XX:TieredStopAtLevel=1", "-Xmx1g");
        assertThat(BenchKafka.stageJvmOptions("ingestor", property)).containsExactly("-XX:TieredStopAtLevel=1");
        assertThat(BenchKafka.stageJvmOptions("up", "")).isEmpty();
    }

    @Test
    void settingsGoToEveryStageOrToTheOneTheyName() {
        System.setProperty(BenchKafka.STAGE_SETTINGS_PROPERTY,
                "hookline.commit-interval=25ms ingestor:commit.interval.ms=20 bootstrap.servers=127.0.0.1:9092");

        assertThat(BenchKafka.stageSettings("ingestor", Map.of("linger.ms", "2"))).containsExactlyInAnyOrderEntriesOf(
                Map.of("linger.ms", "2", "hookline.commit-interval", "25ms", "commit.interval.ms", "20",
                        "bootstrap.servers", "127.0.0.1:9092"));
        assertThat(BenchKafka.stageSettings("matcher", Map.of())).doesNotContainKey("commit.interval.ms")
                .containsEntry("bootstrap.servers", "127.0.0.1:9092");
    }

    @Test
    void aSettingWithoutAValueIsRefusedByName() {
        System.setProperty(BenchKafka.STAGE_SETTINGS_PROPERTY, "matcher:linger.ms");

        assertThatThrownBy(() -> BenchKafka.stageSettings("matcher", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'matcher:linger.ms'");
    }

    @Test
    void aSettingWithoutAKeyIsRefusedInEveryStage() {
        System.setProperty(BenchKafka.STAGE_SETTINGS_PROPERTY, "matcher:=5");

        assertThatThrownBy(() -> BenchKafka.stageSettings("ingestor", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'matcher:=5'");
    }
}
