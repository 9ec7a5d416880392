package io.hookline.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.status.GroupLag;
import io.hookline.cli.status.GroupLags;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.schemas.serde.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pipeline page's API: {@code GET /api/pipeline} for one picture ({@link PipelineView}) and
 * {@code /api/pipeline/stream}, a picture every few seconds while a page is open. One thread reads the processes' ops
 * endpoints and the groups' lag for every open page, and none while no page is open.
 */
final class PipelineApi implements ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineApi.class);
    static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final long LAG_TIMEOUT_SECONDS = 5;

    private final List<OpsSource> processes;
    private final KafkaClients clients;
    private final String prefix;
    private final PipelineView view = new PipelineView();
    private final Set<EventSink> sinks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticks;
    private Admin admin;

    PipelineApi(HooklineConfig config, List<OpsSource> processes, Duration interval) {
        this.processes = List.copyOf(processes);
        this.clients = new KafkaClients(config);
        this.prefix = config.require(Settings.APPLICATION_ID_PREFIX);
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hookline-console-pipeline");
            t.setDaemon(true);
            return t;
        });
        ticks.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/pipeline", r -> ApiResponse.ok(picture()));
        routes.stream("/api/pipeline/stream", (r, sink) -> {
            sinks.add(sink);
            sink.onClose(() -> sinks.remove(sink));
            // the first picture at once, on the scheduler's thread (never two readings at the same time)
            ticks.execute(() -> sink.send("pipeline", picture()));
        });
    }

    private void tick() {
        if (sinks.isEmpty()) {
            return;
        }
        try {
            Map<String, Object> picture = picture();
            sinks.forEach(s -> s.send("pipeline", picture));
        } catch (RuntimeException e) {
            LOG.warn("console pipeline reading failed: {}", e.toString());
        }
    }

    /** One reading of every process and of the lag. */
    synchronized Map<String, Object> picture() {
        List<PipelineView.Reading> readings = new ArrayList<>();
        for (OpsSource p : processes) {
            long at = System.currentTimeMillis();
            try {
                JsonNode health = Json.mapper().readTree(p.health());
                readings.add(new PipelineView.Reading(p.name(), at, health, PrometheusText.parse(p.metrics()), null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                readings.add(new PipelineView.Reading(p.name(), at, null, List.of(), "interrupted"));
            } catch (Exception e) {
                readings.add(new PipelineView.Reading(p.name(), at, null, List.of(), e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()));
            }
        }
        List<Map<String, Object>> groups = new ArrayList<>();
        String groupsError = null;
        try {
            for (GroupLag lag : new GroupLags(admin(), LAG_TIMEOUT_SECONDS).of(prefix + "-", step -> { })) {
                Map<String, Object> g = new LinkedHashMap<>();
                g.put("group_id", lag.groupId());
                g.put("state", lag.state());
                g.put("partitions", lag.partitions());
                g.put("lag", lag.lag());
                groups.add(g);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            groupsError = "interrupted";
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                    ? e.getCause() : e;
            groupsError = "cannot read the consumer groups from " + clients.bootstrapServers() + ": " + cause;
        }
        return view.picture(readings, groups, groupsError, prefix, System.currentTimeMillis());
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @Override
    public void close() {
        ticks.shutdownNow();
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
