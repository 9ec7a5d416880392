package io.hookline.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The Pipeline page's picture, from what the ops endpoints serve: each stage with the processes that run it, their
 * health, and rates computed from the counters between two readings (per second), plus the consumer groups' lag.
 * Keeps the previous reading of each process to compute the rates; pure, the readings are given.
 */
final class PipelineView {

    /** The stages in pipeline order, as their services name themselves in {@code /health}. */
    static final List<String> STAGES = List.of("matcher", "dispatcher", "ingestor", "integration-api");

    /**
     * One reading of one process.
     *
     * @param health  the {@code /health} JSON, null when the process could not be read
     * @param samples its {@code /metrics}
     * @param error   why it could not be read, null when it was
     */
    record Reading(String process, long at, JsonNode health, List<PrometheusText.Sample> samples, String error) {
    }

    /** A counter or gauge the page shows, and how to find it. */
    private record Measure(String stage, String key, boolean counter, String name, Predicate<Map<String, String>> labels) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure("matcher", "triggers", true, "hookline_matcher_triggers_total", l -> true),
            new Measure("matcher", "dead_letters", true, "hookline_dead_letters_total",
                    l -> "matcher".equals(l.get("service"))),
            new Measure("dispatcher", "attempts", true, "hookline_dispatcher_attempts_total", l -> true),
            new Measure("dispatcher", "attempts_failed", true, "hookline_dispatcher_attempts_total",
                    l -> !"succeeded".equals(l.get("verdict"))),
            new Measure("dispatcher", "succeeded", true, "hookline_dispatcher_outcomes_total",
                    l -> "succeeded".equals(l.get("status"))),
            new Measure("dispatcher", "failed", true, "hookline_dispatcher_outcomes_total",
                    l -> "failed".equals(l.get("status"))),
            new Measure("dispatcher", "latency_seconds_sum", true, "hookline_dispatcher_attempt_latency_seconds_sum",
                    l -> true),
            new Measure("dispatcher", "latency_count", true, "hookline_dispatcher_attempt_latency_seconds_count",
                    l -> true),
            new Measure("dispatcher", "dead_letters", true, "hookline_dispatcher_dead_letters_total", l -> true),
            new Measure("dispatcher", "in_flight", false, "hookline_dispatcher_in_flight", l -> true),
            new Measure("dispatcher", "retry_backlog", false, "hookline_dispatcher_retry_backlog", l -> true),
            new Measure("ingestor", "post_commands", true, "hookline_ingestor_post_commands_total", l -> true),
            new Measure("ingestor", "dead_letters", true, "hookline_dead_letters_total",
                    l -> "ingestor".equals(l.get("service"))),
            new Measure("integration-api", "requests", true, "hookline_integration_api_requests_total", l -> true));

    private final Map<String, Reading> previous = new HashMap<>();

    /**
     * The picture of {@code readings} (one per process), rates against each process's previous reading.
     *
     * @param groups the consumer groups' lag ({@code group_id}, {@code state}, {@code partitions}, {@code lag}),
     *               in the form the page shows
     * @param prefix the application-id prefix of the groups ({@code <prefix>-matcher}...)
     */
    Map<String, Object> picture(List<Reading> readings, List<Map<String, Object>> groups, String groupsError,
                                String prefix, long at) {
        Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
        STAGES.forEach(s -> stages.put(s, newStage(s)));
        List<Map<String, Object>> processes = new ArrayList<>();
        for (Reading r : readings) {
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("name", r.process());
            process.put("reachable", r.error() == null);
            process.put("error", r.error());
            process.put("status", r.health() == null ? "UNREACHABLE" : r.health().path("status").asText("?"));
            processes.add(process);
            if (r.health() == null) {
                continue;
            }
            r.health().path("services").fields().forEachRemaining(e -> {
                Map<String, Object> stage = stages.computeIfAbsent(e.getKey(), PipelineView::newStage);
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> in = (List<Map<String, Object>>) stage.get("processes");
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("process", r.process());
                p.put("state", e.getValue().path("state").asText("?"));
                p.put("live", e.getValue().path("live").asBoolean());
                p.put("ready", e.getValue().path("ready").asBoolean());
                in.add(p);
            });
            Reading before = previous.get(r.process());
            double seconds = before == null ? 0 : (r.at() - before.at()) / 1000.0;
            for (Measure m : MEASURES) {
                double now = sum(r.samples(), m);
                @SuppressWarnings("unchecked")
                Map<String, Double> values = (Map<String, Double>) stages.get(m.stage()).get(m.counter() ? "totals"
                        : "gauges");
                values.merge(m.key(), now, Double::sum);
                if (m.counter()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Double> rates = (Map<String, Double>) stages.get(m.stage()).get("rates");
                    double rate = before == null || seconds <= 0 || before.samples() == null ? 0
                            : Math.max(0, now - sum(before.samples(), m)) / seconds;
                    rates.merge(m.key(), rate, Double::sum);
                }
            }
            previous.put(r.process(), r);
        }
        for (Map<String, Object> stage : stages.values()) {
            finish(stage, groups, prefix);
        }
        Map<String, Object> picture = new LinkedHashMap<>();
        picture.put("at", at);
        picture.put("processes", processes);
        picture.put("stages", new ArrayList<>(stages.values()));
        picture.put("groups", groups);
        picture.put("groups_error", groupsError);
        return picture;
    }

    private static Map<String, Object> newStage(String name) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("name", name);
        stage.put("processes", new ArrayList<Map<String, Object>>());
        stage.put("totals", new LinkedHashMap<String, Double>());
        stage.put("rates", new LinkedHashMap<String, Double>());
        stage.put("gauges", new LinkedHashMap<String, Double>());
        return stage;
    }

    /** The stage's health from its processes, its lag from its groups, and the mean latency of the interval. */
    @SuppressWarnings("unchecked")
    private static void finish(Map<String, Object> stage, List<Map<String, Object>> groups, String prefix) {
        List<Map<String, Object>> in = (List<Map<String, Object>>) stage.get("processes");
        boolean ready = !in.isEmpty() && in.stream().allMatch(p -> Boolean.TRUE.equals(p.get("ready")));
        boolean live = !in.isEmpty() && in.stream().allMatch(p -> Boolean.TRUE.equals(p.get("live")));
        stage.put("status", in.isEmpty() ? "NOT_SEEN" : ready ? "UP" : live ? "NOT_READY" : "DOWN");
        String name = (String) stage.get("name");
        long lag = 0;
        boolean any = false;
        for (Map<String, Object> g : groups) {
            String id = String.valueOf(g.get("group_id"));
            if (id.startsWith(prefix + "-" + name)) {
                lag += ((Number) g.get("lag")).longValue();
                any = true;
            }
        }
        stage.put("lag", any ? lag : null);
        Map<String, Double> rates = (Map<String, Double>) stage.get("rates");
        Double count = rates.remove("latency_count");
        Double sum = rates.remove("latency_seconds_sum");
        if (count != null && sum != null) {
            stage.put("mean_latency_ms", count > 0 ? sum / count * 1000 : null);
        }
        Map<String, Double> totals = (Map<String, Double>) stage.get("totals");
        totals.remove("latency_count");
        totals.remove("latency_seconds_sum");
    }

    private static double sum(List<PrometheusText.Sample> samples, Measure m) {
        double total = 0;
        for (PrometheusText.Sample s : samples) {
            if (s.name().equals(m.name()) && m.labels().test(s.labels()) && Double.isFinite(s.value())) {
                total += s.value();
            }
        }
        return total;
    }
}
