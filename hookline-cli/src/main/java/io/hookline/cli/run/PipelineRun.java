package io.hookline.cli.run;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.config.HooklineConfig;
import io.hookline.config.Settings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs some stages against a broker until asked to stop: topics first (idempotent), then the stages in order, one
 * {@code ready} line on stdout, then a watch that ends the run when a stage stops by itself. Stages stop in reverse.
 */
public final class PipelineRun {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);
    private static final long WATCH_MILLIS = 1_000;

    private final HooklineConfig config;
    private final List<Stage> stages;
    private final Duration startupTimeout;

    public PipelineRun(HooklineConfig config, List<Stage> stages, Duration startupTimeout) {
        this.config = config;
        this.stages = List.copyOf(stages);
        this.startupTimeout = startupTimeout;
    }

    /**
     * @param readySuffix appended to the ready line (where the local broker keeps its data, say)
     * @return the exit code: 0 after a requested stop, 1 when a stage stopped by itself
     */
    public int run(StopSignal stop, PrintWriter out, String readySuffix) throws InterruptedException {
        List<String> created = TopicSetup.ensure(config);
        if (!created.isEmpty()) {
            LOG.info("created topics {}", created);
        }
        ServiceGroup group = new ServiceGroup(CLOSE_TIMEOUT);
        try {
            if (stop.isRequested()) {
                return ExitCodes.OK;
            }
            group.start(Stage.createAll(stages, config), startupTimeout);
            out.println("ready: " + String.join(", ", stages.stream().map(Stage::command).toList())
                    + (stages.size() == 1 ? " is" : " are") + " running; bootstrap.servers="
                    + config.get(Settings.BOOTSTRAP_SERVERS) + readySuffix);
            out.flush();
            while (!stop.await(WATCH_MILLIS)) {
                List<String> down = group.notRunning();
                if (!down.isEmpty()) {
                    LOG.error("{} stopped running; stopping everything", down);
                    return ExitCodes.FAILURE;
                }
            }
            LOG.info("stopping {}", stages.stream().map(Stage::command).toList());
            return ExitCodes.OK;
        } finally {
            group.close();
        }
    }
}
