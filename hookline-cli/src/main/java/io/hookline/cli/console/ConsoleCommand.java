package io.hookline.cli.console;

import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.run.RunUntilStopped;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code hookline console}: the web console alone, against any cluster. */
@Command(name = "console", mixinStandardHelpOptions = true,
        description = {"Serve the web console (hooks, deliveries, dead letters, pipeline, playground) against a",
                "cluster, on hookline.console-address:hookline.console-port (127.0.0.1:8068 by default, a free port",
                "when taken). A non-loopback address requires hookline.console-admin-token. Prints one line",
                "'ready: console=http://HOST:PORT; bootstrap.servers=HOST:PORT' and stops on Ctrl-C.",
                "hookline up serves the console too."},
        footer = {"", "Examples:", "  hookline console", "  hookline console -b kafka-1:9092 --ops http://stage-1:9464",
                "  hookline console --set hookline.console-address=0.0.0.0 --set hookline.console-admin-token=..."})
public final class ConsoleCommand extends HooklineSubcommand {

    @Option(names = "--ops", paramLabel = "URL",
            description = "Ops endpoint (http://HOST:PORT of /health and /metrics) of a Hookline process to show on "
                    + "the Pipeline page; repeatable.")
    List<URI> ops = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        HooklineConfig config = clientConfig();
        if (!ConsoleSettings.port(config).enabled()) {
            throw new IllegalArgumentException("the console is off (" + ConsoleSettings.PORT.name()
                    + "=off): give it a port, or 0 for any free port");
        }
        List<OpsSource> processes = ops.stream().map(OpsSource::remote).toList();
        try (Console console = Console.start(config, processes)) {
            out().println("ready: console=" + console.url() + "; bootstrap.servers="
                    + config.get(Settings.BOOTSTRAP_SERVERS));
            out().flush();
            return RunUntilStopped.await(stopSignal());
        }
    }
}
