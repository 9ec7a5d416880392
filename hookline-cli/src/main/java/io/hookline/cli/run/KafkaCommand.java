package io.hookline.cli.run;

import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.TcpPort;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.runtime.config.Settings;
import io.hookline.localkafka.LocalKafka;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline kafka}: only the local broker, with Hookline's topics. */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Run only a local single-node Kafka broker (KRaft) and create Hookline's topics on it;",
                "then run matcher, dispatcher and ingestor as separate commands. Stops on Ctrl-C."},
        footer = {"", "Example:", "  hookline kafka --data-dir .hookline/kafka --port 9092"})
public final class KafkaCommand extends HooklineSubcommand {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".hookline/kafka",
            description = "Data directory (kept between runs); default ${DEFAULT-VALUE} under the current directory.")
    Path dataDir;

    @Option(names = "--port", converter = TcpPort.class, paramLabel = "PORT", defaultValue = "0",
            description = "Port; default 9092 when free, else a free port.")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        StopSignal stop = stopSignal();
        Path dir = dataDir.toAbsolutePath().normalize();
        LocalKafka kafka = LocalBroker.start(dir, port);
        try {
            TopicSetup.ensure(config().with(Settings.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers()));
            out().println("ready: local Kafka broker is running; bootstrap.servers=" + kafka.bootstrapServers()
                    + " (data dir " + dir + ", log " + kafka.logFile() + ")");
            out().flush();
            return RunUntilStopped.await(stop,
                    () -> kafka.isRunning() ? null : "the broker stopped by itself; see " + kafka.logFile());
        } finally {
            kafka.stop();
        }
    }
}
