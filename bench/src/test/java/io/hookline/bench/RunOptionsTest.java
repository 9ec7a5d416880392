package io.hookline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A result file names the options the run was made with: the bench's and the local broker's, nothing else. */
class RunOptionsTest {

    @AfterEach
    void clear() {
        System.clearProperty("bench.stage-jvm-options");
        System.clearProperty("hookline.local-kafka.jvm-options");
    }

    @Test
    void theBenchsAndTheBrokersPropertiesAreRecorded() {
        System.setProperty("bench.stage-jvm-options", "-XX:AOTCache=/tmp/stages.aot");
        System.setProperty("hookline.local-kafka.jvm-options", "-XX:TieredStopAtLevel=1");

        assertThat(Bench.runOptions())
                .containsEntry("bench.stage-jvm-options", "-XX:AOTCache=/tmp/stages.aot")
                .containsEntry("hookline.local-kafka.jvm-options", "-XX:TieredStopAtLevel=1")
                .doesNotContainKeys("java.version", "user.dir");
    }
}
