package io.hookline.cli.run;

import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.TcpPort;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.runtime.config.Settings;
import io.hookline.localkafka.LocalKafka;
import io.hookline.localkafka.LocalKafkaCluster;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline kafka}: only the local broker, with Hookline's topics. */
@Command(name = "kafka", mixinStandardHelpOptions = true,
        description = {"Run only a local Kafka broker (KRaft), or a local cluster of N nodes, and create Hookline's",
                "topics on it; then run matcher, dispatcher and ingestor as separate commands. Stops on Ctrl-C."},
        footer = {"", "Examples:", "  hookline kafka --data-dir .hookline/kafka --port 9092",
                "  hookline kafka --data-dir .hookline/cluster --nodes 3"})
public final class KafkaCommand extends HooklineSubcommand {

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".hookline/kafka",
            description = "Data directory (kept between runs); default ${DEFAULT-VALUE} under the current directory.")
    Path dataDir;

    @Option(names = "--port", converter = TcpPort.class, paramLabel = "PORT", defaultValue = "0",
            description = "Port; default 9092 when free, else a free port.")
    int port;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
            description = "Nodes (each a broker and a controller): 1 (default), or 3 for a cluster that keeps three "
                    + "copies of every topic and survives the loss of one node; a cluster takes free ports.")
    int nodes;

    @Override
    public Integer call() throws InterruptedException {
        StopSignal stop = stopSignal();
        Path dir = dataDir.toAbsolutePath().normalize();
        if (nodes < 1 || nodes > 9) {
            throw new IllegalArgumentException("--nodes must be 1 to 9, got " + nodes);
        }
        if (nodes > 1) {
            if (port != 0) {
                throw new IllegalArgumentException("--port is for a single node; a cluster of " + nodes
                        + " takes free ports and prints them");
            }
            return runCluster(stop, dir);
        }
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

    private int runCluster(StopSignal stop, Path dir) throws InterruptedException {
        LocalKafkaCluster cluster = LocalKafkaCluster.start(dir, nodes);
        try {
            TopicSetup.ensure(config().with(Settings.BOOTSTRAP_SERVERS.name(), cluster.bootstrapServers()));
            out().println("ready: local Kafka cluster of " + nodes + " nodes is running; bootstrap.servers="
                    + cluster.bootstrapServers() + " (data dir " + dir + ", node-N/logs/server.log)");
            out().flush();
            return RunUntilStopped.await(stop, () -> cluster.isRunning() ? null
                    : "a node stopped by itself; see its server.log under " + dir);
        } finally {
            cluster.close();
        }
    }
}
