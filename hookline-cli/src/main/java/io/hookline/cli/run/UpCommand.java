package io.hookline.cli.run;

import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.TcpPort;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.localkafka.LocalKafka;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline up}: the whole pipeline in one process, on a local broker unless one is given. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline: matcher, dispatcher, ingestor and the integration API in this process",
                "(the API on hookline.integration-api-address:port, 127.0.0.1:8066 by default; off: none).",
                "Without bootstrap servers it first starts a local Kafka broker (data in --data-dir, port 9092 when",
                "free; Streams state in DIR/streams) and allows callbacks to loopback addresses unless",
                "hookline.allowed-untrusted-internal-connections is set. Creates missing topics, prints one line",
                "'ready: ... bootstrap.servers=HOST:PORT; integration-api=http://HOST:PORT; console=http://HOST:PORT'",
                "when everything runs (the web console on hookline.console-address:port, 127.0.0.1:8068 by default),",
                "and stops cleanly on Ctrl-C."},
        footer = {"", "Examples:", "  hookline up", "  hookline up --data-dir /tmp/hookline-kafka",
                "  hookline up --bootstrap-servers kafka-1:9092 --config prod.properties"})
public final class UpCommand extends HooklineSubcommand {

    /** What {@code up} allows with its own local broker: a sandbox on this machine, whose callbacks are local too. */
    static final String LOCAL_ALLOWED_INTERNAL = "127.0.0.1 ::1 localhost";

    /** Kafka Streams' {@code state.dir}, a Kafka setting passed through like any other. */
    static final String STREAMS_STATE_DIR = "state.dir";

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".hookline/kafka",
            description = "Local broker's data directory (kept between runs); default ${DEFAULT-VALUE} under the "
                    + "current directory.")
    Path dataDir;

    @Option(names = "--port", converter = TcpPort.class, paramLabel = "PORT", defaultValue = "0",
            description = "Local broker's port; default 9092 when free, else a free port.")
    int port;

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the services may take to report running; default ${DEFAULT-VALUE}.")
    int startupTimeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        StopSignal stop = stopSignal();
        HooklineConfig config = config();
        String servers = config.get(Settings.BOOTSTRAP_SERVERS);
        if (servers != null && !servers.isBlank()) {
            return new PipelineRun(config, Stage.enabledIn(List.of(Stage.values()), config),
                    Duration.ofSeconds(startupTimeoutSeconds)).withConsole()
                    .run(stop, out(), "");
        }
        Path dir = dataDir.toAbsolutePath().normalize();
        err().println("starting a local Kafka broker, data in " + dir);
        err().flush();
        LocalKafka kafka = LocalBroker.start(dir, port);
        try {
            HooklineConfig local = config.with(Settings.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
            String allowed = DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name();
            if (!local.isExplicit(allowed)) {
                LOG.info("local broker: allowing callbacks to {} ({} is not set)", LOCAL_ALLOWED_INTERNAL, allowed);
                local = local.with(allowed, LOCAL_ALLOWED_INTERNAL);
            }
            if (!local.isExplicit(STREAMS_STATE_DIR)) {
                // Streams state belongs to the broker it was built from: kept in the shared /tmp/kafka-streams it
                // would outlive a deleted data dir and be found corrupt by the next, fresh broker.
                local = local.with(STREAMS_STATE_DIR, dir.resolve("streams").toString());
            }
            return new PipelineRun(local, Stage.enabledIn(List.of(Stage.values()), local),
                    Duration.ofSeconds(startupTimeoutSeconds)).withConsole()
                    .run(stop, out(), " (local broker, data dir " + dir + ", log " + kafka.logFile() + ")");
        } finally {
            kafka.stop();
            LOG.info("local broker stopped");
        }
    }
}
