package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void samplesAreReadWithTheirLabelsAndCommentsAndGarbageArePassedOver() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP hookline_dispatcher_attempts_total HTTP attempts
                # TYPE hookline_dispatcher_attempts_total counter
                hookline_dispatcher_attempts_total{lane="first",reason="",verdict="succeeded"} 12.0
                hookline_dispatcher_attempts_total{lane="retry",reason="say \\"no\\", twice",verdict="final"} 3
                hookline_dispatcher_retry_backlog 0.0
                hookline_dispatcher_attempt_latency_seconds_bucket{lane="first",le="+Inf"} 12
                not a sample
                broken{label="x} 1

                jvm_threads_live_threads 41 1764150012345
                """);
        assertThat(samples).hasSize(5);
        assertThat(samples.get(0)).isEqualTo(new PrometheusText.Sample("hookline_dispatcher_attempts_total",
                Map.of("lane", "first", "reason", "", "verdict", "succeeded"), 12.0));
        assertThat(samples.get(1).labels().get("reason")).isEqualTo("say \"no\", twice");
        assertThat(samples.get(1).value()).isEqualTo(3.0);
        assertThat(samples.get(2).labels()).isEmpty();
        assertThat(samples.get(3).labels().get("le")).isEqualTo("+Inf");
        assertThat(samples.get(4).value()).as("a timestamp after the value is not the value").isEqualTo(41.0);
    }
}
