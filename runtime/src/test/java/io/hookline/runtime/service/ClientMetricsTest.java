package io.hookline.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.junit.jupiter.api.Test;

class ClientMetricsTest {

    @Test
    void sumsTheMetricOverTasksOfOneTopicOnly() {
        try (Metrics metrics = new Metrics()) {
            record(metrics, "0_0", "webhook-triggers", 3);
            record(metrics, "0_1", "webhook-triggers", 4);
            record(metrics, "0_0", "dead-letters", 5);
            metrics.sensor("other").add(new MetricName("records-produced-total", "other-group", "",
                    Map.of("topic", "webhook-triggers")), new CumulativeSum());
            metrics.getSensor("other").record(100);

            assertThat(ClientMetrics.total(metrics.metrics(), "stream-topic-metrics", "records-produced-total",
                    "topic", "webhook-triggers")).isEqualTo(7.0);
            assertThat(ClientMetrics.total(metrics.metrics(), "stream-topic-metrics", "records-produced-total",
                    "topic", "dead-letters")).isEqualTo(5.0);
            assertThat(ClientMetrics.total(metrics.metrics(), "stream-topic-metrics", "records-produced-total",
                    "topic", "posts")).isZero();
        }
    }

    private static void record(Metrics metrics, String task, String topic, double value) {
        var sensor = metrics.sensor(task + topic);
        sensor.add(new MetricName("records-produced-total", "stream-topic-metrics", "",
                Map.of("task-id", task, "topic", topic)), new CumulativeSum());
        sensor.record(value);
    }
}
