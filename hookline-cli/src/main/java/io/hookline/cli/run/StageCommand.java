package io.hookline.cli.run;

import io.hookline.cli.HooklineSubcommand;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One stage alone against a broker (default {@value HooklineSubcommand#LOCAL_BOOTSTRAP_SERVERS}); several processes
 * of the same stage share the work as one consumer group.
 */
public abstract class StageCommand extends HooklineSubcommand {

    @Option(names = "--startup-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long the stage may take to report running; default ${DEFAULT-VALUE}.")
    int startupTimeoutSeconds;

    private final Stage stage;

    protected StageCommand(Stage stage) {
        this.stage = stage;
    }

    @Override
    public Integer call() throws InterruptedException {
        return new PipelineRun(clientConfig(), List.of(stage), Duration.ofSeconds(startupTimeoutSeconds))
                .run(stopSignal(), out(), "");
    }

    /** {@code hookline matcher}. */
    @Command(name = "matcher", mixinStandardHelpOptions = true,
            description = {"Run only the matcher (Kafka Streams: posts + webhook-configs -> webhook-triggers).",
                    "Creates missing topics first; stops on Ctrl-C."},
            footer = {"", "Example:", "  hookline matcher --bootstrap-servers 127.0.0.1:9092"})
    public static final class Matcher extends StageCommand {
        public Matcher() {
            super(Stage.MATCHER);
        }
    }

    /** {@code hookline dispatcher}. */
    @Command(name = "dispatcher", mixinStandardHelpOptions = true,
            description = {"Run only the dispatcher (webhook-triggers -> HTTP callbacks -> webhook-responses).",
                    "Run several for more throughput: they share the work as one consumer group."},
            footer = {"", "Example:", "  hookline dispatcher --bootstrap-servers 127.0.0.1:9092"})
    public static final class Dispatcher extends StageCommand {
        public Dispatcher() {
            super(Stage.DISPATCHER);
        }
    }

    /** {@code hookline ingestor}. */
    @Command(name = "ingestor", mixinStandardHelpOptions = true,
            description = {"Run only the ingestor (Kafka Streams: webhook-responses -> post-commands).",
                    "Creates missing topics first; stops on Ctrl-C."},
            footer = {"", "Example:", "  hookline ingestor --bootstrap-servers 127.0.0.1:9092"})
    public static final class Ingestor extends StageCommand {
        public Ingestor() {
            super(Stage.INGESTOR);
        }
    }

    /** {@code hookline integration-api}. */
    @Command(name = "integration-api", mixinStandardHelpOptions = true,
            description = {"Run only the integration API: Mattermost's POST /api/v4/actions/dialogs/open (opens a",
                    "dialog for the user inside a trigger id: open_dialog on post-commands) and",
                    "GET /api/v4/config/client?format=old (the public key of trigger ids), on",
                    "hookline.integration-api-address:hookline.integration-api-port (127.0.0.1:8066 by default, a free",
                    "port when taken). Run several side by side: they share the signing key (integration-secrets)."},
            footer = {"", "Example:", "  hookline integration-api --bootstrap-servers 127.0.0.1:9092 "
                    + "--set hookline.integration-api-port=0"})
    public static final class IntegrationApi extends StageCommand {
        public IntegrationApi() {
            super(Stage.INTEGRATION_API);
        }
    }
}
