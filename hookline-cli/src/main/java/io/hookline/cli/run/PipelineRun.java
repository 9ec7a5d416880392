package io.hookline.cli.run;

import io.hookline.cli.ops.OpsSettings;
import io.hookline.cli.ExitCodes;
import io.hookline.cli.console.Console;
import io.hookline.cli.console.ConsoleSettings;
import io.hookline.cli.console.OpsSource;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.cli.ops.HealthReport;
import io.hookline.cli.ops.OpsServer;
import io.hookline.cli.ops.ProcessMetrics;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.http.ListenPort;
import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.service.ServiceHealth;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs some stages against a broker until asked to stop: topics first (idempotent), the ops endpoint (/health,
 * /metrics; up before the stages so that probes see them starting), then the stages in order, one {@code ready} line
 * on stdout, then a watch that ends the run when a stage stops by itself. Stages stop in reverse, the endpoint last.
 */
final class PipelineRun {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

    private final HooklineConfig config;
    private final List<Stage> stages;
    private final Duration startupTimeout;
    private final boolean console;
    private volatile boolean starting = true;

    public PipelineRun(HooklineConfig config, List<Stage> stages, Duration startupTimeout) {
        this(config, stages, startupTimeout, false);
    }

    private PipelineRun(HooklineConfig config, List<Stage> stages, Duration startupTimeout, boolean console) {
        this.config = config;
        this.stages = List.copyOf(stages);
        this.startupTimeout = startupTimeout;
        this.console = console;
    }

    /**
     * The same run serving the web console too (unless {@code hookline.console-port=off}), once the stages run; its
     * Pipeline page reads this process's health and metrics directly.
     */
    public PipelineRun withConsole() {
        return new PipelineRun(config, stages, startupTimeout, ConsoleSettings.port(config).enabled());
    }

    /**
     * @param readySuffix appended to the ready line (where the local broker keeps its data, say)
     * @return the exit code: 0 after a requested stop, 1 when a stage stopped by itself
     */
    public int run(StopSignal stop, PrintWriter out, String readySuffix) throws InterruptedException {
        ListenPort opsPort = ListenPort.from(config, OpsSettings.OPS_PORT);
        String opsAddress = config.require(OpsSettings.OPS_ADDRESS).trim();
        List<String> created = TopicSetup.ensure(config);
        if (!created.isEmpty()) {
            LOG.info("created topics {}", created);
        }
        StageAccess.require(config, stages);
        if (console) {
            // a wrong console setting fails the start before any stage runs, naming the key
            ConsoleSettings.listen(config);
        }
        try (ProcessMetrics metrics = new ProcessMetrics()) {
            List<HooklineService> services = Stage.createAll(stages, config, metrics.registry());
            metrics.watch(services);
            OpsServer ops = opsPort.enabled() ? OpsServer.start(opsAddress, opsPort, () -> health(services),
                    metrics.registry()) : null;
            ServiceGroup group = new ServiceGroup(CLOSE_TIMEOUT);
            Console web = null;
            try {
                if (stop.isRequested()) {
                    return ExitCodes.OK;
                }
                group.start(services, startupTimeout);
                starting = false;
                StringBuilder endpoints = new StringBuilder();
                services.forEach(s -> s.endpoints().forEach((name, url) -> endpoints.append("; ").append(name)
                        .append('=').append(url)));
                if (console) {
                    web = Console.start(config, List.of(OpsSource.local("this process", () -> health(services),
                            metrics.registry())));
                    endpoints.append("; console=").append(web.url());
                }
                out.println("ready: " + String.join(", ", stages.stream().map(Stage::command).toList())
                        + (stages.size() == 1 ? " is" : " are") + " running; bootstrap.servers="
                        + config.get(Settings.BOOTSTRAP_SERVERS) + endpoints
                        + (ops == null ? "" : "; /health and /metrics on " + ops.url()) + readySuffix);
                out.flush();
                int exit = RunUntilStopped.await(stop, () -> {
                    List<String> down = group.notRunning();
                    return down.isEmpty() ? null : down + " stopped running";
                });
                if (exit == ExitCodes.OK) {
                    LOG.info("stopping {}", stages.stream().map(Stage::command).toList());
                }
                return exit;
            } finally {
                if (web != null) {
                    web.close();
                }
                group.close();
                if (ops != null) {
                    ops.close();
                }
            }
        }
    }

    private HealthReport health(List<HooklineService> services) {
        Map<String, ServiceHealth> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s.health()));
        return HealthReport.of(byName, starting);
    }
}
