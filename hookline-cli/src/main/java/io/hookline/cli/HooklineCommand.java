package io.hookline.cli;

import io.hookline.cli.config.ConfigCommand;
import io.hookline.cli.console.ConsoleCommand;
import io.hookline.cli.deadletters.DeadLettersCommand;
import io.hookline.cli.deliveries.DeliveriesCommand;
import io.hookline.cli.echo.EchoServerCommand;
import io.hookline.cli.example.ExampleIntegrationCommand;
import io.hookline.cli.hooks.HooksCommand;
import io.hookline.cli.interact.InteractCommand;
import io.hookline.cli.post.PublishPostCommand;
import io.hookline.cli.run.KafkaCommand;
import io.hookline.cli.run.StageCommand;
import io.hookline.cli.run.StopSignal;
import io.hookline.cli.run.UpCommand;
import io.hookline.cli.status.StatusCommand;
import io.hookline.cli.tail.TailCommand;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root {@code hookline} command. It only groups the subcommands and carries the process environment, which the
 * subcommands read through it (tests pass their own map instead of the real environment).
 */
@Command(name = "hookline", mixinStandardHelpOptions = true, versionProvider = HooklineCommand.Version.class,
        description = "Mattermost-style outgoing webhooks as an event-streaming pipeline on Apache Kafka.",
        subcommands = {CommandLine.HelpCommand.class, UpCommand.class, KafkaCommand.class, StageCommand.Matcher.class,
                StageCommand.Dispatcher.class, StageCommand.Ingestor.class, StageCommand.IntegrationApi.class,
                HooksCommand.class, PublishPostCommand.class, TailCommand.class, DeadLettersCommand.class,
                DeliveriesCommand.class, StatusCommand.class, ConfigCommand.class, ConsoleCommand.class,
                EchoServerCommand.class, ExampleIntegrationCommand.class, InteractCommand.class},
        footer = {"", "Configuration: --config FILE, HOOKLINE_* environment variables, --set key=value.",
                "Without bootstrap.servers, client commands use " + HooklineSubcommand.LOCAL_BOOTSTRAP_SERVERS + ".",
                "Output is on stdout; errors, notes and progress of long commands on stderr. Exit codes: 0 ok,",
                "1 failure (the message names the field or problem), 2 usage error.",
                "", "Examples:", "  hookline up", "  hookline hooks list", "  hookline help hooks"})
public final class HooklineCommand implements Runnable {

    private final Map<String, String> environment;
    private final InputStream stdin;
    private final Supplier<StopSignal> stopSignals;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public HooklineCommand(Map<String, String> environment, InputStream stdin, Supplier<StopSignal> stopSignals) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.stdin = Objects.requireNonNull(stdin, "stdin");
        this.stopSignals = Objects.requireNonNull(stopSignals, "stopSignals");
    }

    /** What long-running commands wait on: Ctrl-C and SIGTERM in a real process, the test's hand in tests. */
    StopSignal stopSignal() {
        return stopSignals.get();
    }

    Map<String, String> environment() {
        return environment;
    }

    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The command line with Hookline's error handling; {@code environment} and {@code stdin} stand for
     * {@code System.getenv()} and {@code System.in}.
     */
    public static CommandLine commandLine(Map<String, String> environment, InputStream stdin) {
        return commandLine(environment, stdin, StopSignal::install);
    }

    /** As {@link #commandLine(Map, InputStream)}, with long-running commands stopped through {@code stopSignals}. */
    public static CommandLine commandLine(Map<String, String> environment, InputStream stdin,
                                          Supplier<StopSignal> stopSignals) {
        CommandLine cl = new CommandLine(new HooklineCommand(environment, stdin, stopSignals));
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(110);
        describeHelpCommands(cl);
        return cl;
    }

    /** picocli's own {@code help} subcommands get an example like every other command. */
    private static void describeHelpCommands(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                String sibling = cl.getSubcommands().keySet().stream().filter(n -> !n.equals("help")).findFirst()
                        .orElse("");
                sub.getCommandSpec().usageMessage().footer("", "Example:",
                        "  " + cl.getCommandSpec().qualifiedName() + " help " + sibling);
            } else {
                describeHelpCommands(sub);
            }
        }
    }

    /** Version from the jar manifest when packaged; "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HooklineCommand.class.getPackage().getImplementationVersion();
            return new String[] {"hookline " + (v == null ? "development" : v)};
        }
    }
}
