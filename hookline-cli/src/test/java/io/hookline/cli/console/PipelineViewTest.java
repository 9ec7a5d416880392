package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineViewTest {

    private static final String HEALTH = """
            {"status":"NOT_READY","live":true,"ready":false,"services":{
              "matcher":{"state":"RUNNING","live":true,"ready":true},
              "dispatcher":{"state":"REBALANCING","live":true,"ready":false}}}""";

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static PipelineView.Reading reading(long at, double triggers, double attempts, double latencySum,
                                                double latencyCount) throws Exception {
        return new PipelineView.Reading("p1", at, json(HEALTH), PrometheusText.parse(
                "hookline_matcher_triggers_total " + triggers + "\n"
                        + "hookline_dispatcher_attempts_total{verdict=\"succeeded\"} " + attempts + "\n"
                        + "hookline_dispatcher_attempts_total{verdict=\"retryable\"} 1\n"
                        + "hookline_dispatcher_attempt_latency_seconds_sum " + latencySum + "\n"
                        + "hookline_dispatcher_attempt_latency_seconds_count " + latencyCount + "\n"
                        + "hookline_dispatcher_in_flight{lane=\"first\"} 2\n"
                        + "hookline_dispatcher_in_flight{lane=\"retry\"} 1\n"
                        + "hookline_dead_letters_total{service=\"ingestor\"} 4\n"), null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stage(Map<String, Object> picture, String name) {
        return ((List<Map<String, Object>>) picture.get("stages")).stream().filter(s -> s.get("name").equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void ratesComeFromTwoReadingsHealthFromTheProcessesAndLagFromTheStagesGroups() throws Exception {
        PipelineView view = new PipelineView();
        List<Map<String, Object>> groups = List.of(
                Map.of("group_id", "hl-matcher", "state", "Stable", "partitions", 3, "lag", 5L),
                Map.of("group_id", "hl-dispatcher", "state", "Stable", "partitions", 3, "lag", 2L),
                Map.of("group_id", "hl-dispatcher-retries", "state", "Stable", "partitions", 3, "lag", 1L));
        Map<String, Object> first = view.picture(List.of(reading(10_000, 100, 50, 1.0, 10)), groups, null, "hl",
                10_000);
        assertThat(((Map<String, Double>) stage(first, "matcher").get("rates")).get("triggers"))
                .as("no rate from one reading").isZero();

        Map<String, Object> second = view.picture(List.of(reading(12_000, 120, 54, 1.4, 14)), groups, null, "hl",
                12_000);
        Map<String, Object> matcher = stage(second, "matcher");
        assertThat(((Map<String, Double>) matcher.get("rates")).get("triggers")).isEqualTo(10.0);
        assertThat(((Map<String, Double>) matcher.get("totals")).get("triggers")).isEqualTo(120.0);
        assertThat(matcher.get("status")).isEqualTo("UP");
        assertThat(matcher.get("lag")).isEqualTo(5L);
        Map<String, Object> dispatcher = stage(second, "dispatcher");
        assertThat(dispatcher.get("status")).isEqualTo("NOT_READY");
        assertThat(dispatcher.get("lag")).as("both of its groups").isEqualTo(3L);
        assertThat(((Map<String, Double>) dispatcher.get("rates")).get("attempts")).isEqualTo(2.0);
        assertThat(((Map<String, Double>) dispatcher.get("gauges")).get("in_flight")).isEqualTo(3.0);
        assertThat((Double) dispatcher.get("mean_latency_ms")).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(((Map<String, Double>) stage(second, "ingestor").get("totals")).get("dead_letters")).isEqualTo(4.0);
        assertThat(stage(second, "ingestor").get("status")).as("no process runs it").isEqualTo("NOT_SEEN");
        assertThat(stage(second, "ingestor").get("lag")).isNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anUnreachableProcessIsShownWithWhy() {
        Map<String, Object> picture = new PipelineView().picture(List.of(new PipelineView.Reading("http://h:9464",
                1, null, List.of(), "Connection refused")), List.of(), "no broker", "hl", 1);
        Map<String, Object> process = ((List<Map<String, Object>>) picture.get("processes")).get(0);
        assertThat(process).containsEntry("reachable", false).containsEntry("status", "UNREACHABLE")
                .containsEntry("error", "Connection refused");
        assertThat(picture.get("groups_error")).isEqualTo("no broker");
    }
}
