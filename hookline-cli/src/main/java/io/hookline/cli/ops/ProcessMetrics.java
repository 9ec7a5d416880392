package io.hookline.cli.ops;

import io.hookline.runtime.service.HooklineService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;

/** The one meter registry of a Hookline process: JVM meters, each service's meters, and its health as gauges. */
public final class ProcessMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    public ProcessMetrics() {
        // Streams' per-store meters carry the store type in a tag key (in_memory_state_id, rocksdb_state_id), and
        // Prometheus refuses one name with two sets of keys: the matcher's in-memory and the ingestor's RocksDB store
        // would collide. They are recorded only at metrics.recording.level=DEBUG anyway.
        registry.config().meterFilter(MeterFilter.denyNameStartsWith("kafka.stream.state."));
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /**
     * {@code hookline_service_live} and {@code hookline_service_ready} (1 or 0, tag {@code service}), the /health
     * answer in a form an alert rule can use.
     */
    public void watch(List<HooklineService> services) {
        for (HooklineService s : services) {
            Gauge.builder("hookline.service.live", s, x -> x.health().live() ? 1 : 0).tag("service", s.name()).strongReference(true)
                    .description("1 while the service's threads and Kafka clients have not died").register(registry);
            Gauge.builder("hookline.service.ready", s, x -> x.health().ready() ? 1 : 0).tag("service", s.name()).strongReference(true)
                    .description("1 while every Kafka client of the service runs and owns its work")
                    .register(registry);
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
