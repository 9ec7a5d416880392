package io.hookline.runtime.service;

import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/** Reads figures out of a Kafka client's own metrics ({@code KafkaStreams.metrics()}, {@code consumer.metrics()}). */
public final class ClientMetrics {

    private ClientMetrics() {
    }

    /**
     * The sum of every numeric metric {@code group}/{@code name} whose tag {@code tag} is {@code value}: a client keeps
     * one per task or thread (say, Streams' {@code stream-topic-metrics}/{@code records-produced-total} per task and
     * topic), an operator wants the process's total. 0 when there is none yet.
     */
    public static double total(Map<MetricName, ? extends Metric> metrics, String group, String name, String tag,
                               String value) {
        double sum = 0;
        for (Map.Entry<MetricName, ? extends Metric> e : metrics.entrySet()) {
            MetricName n = e.getKey();
            if (n.name().equals(name) && n.group().equals(group) && value.equals(n.tags().get(tag))
                    && e.getValue().metricValue() instanceof Number number && Double.isFinite(number.doubleValue())) {
                sum += number.doubleValue();
            }
        }
        return sum;
    }
}
