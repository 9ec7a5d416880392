package io.hookline.cli.logging;

import io.hookline.cli.ExitCodes;
import io.hookline.cli.GlobalOptions;
import io.hookline.runtime.config.HooklineConfig;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;

/**
 * Runs the chosen command after configuring logging from the configuration its global options select
 * ({@code hookline.log-format}, {@code hookline.log-level}, from {@code --log-format}, {@code --set}, the environment
 * or the file), so that every line the command logs has the chosen format. Only the real process uses it (Main);
 * tests keep the logging they set up.
 */
public final class ConfiguredLogging implements IExecutionStrategy {

    private final Map<String, String> environment;

    public ConfiguredLogging(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        CommandLine.Model.CommandSpec mixin = leaf.commandSpec().mixins().get("globalOptions");
        if (mixin != null && mixin.userObject() instanceof GlobalOptions options) {
            try {
                HooklineConfig config = options.load(environment);
                LogSetup.apply(LogFormat.from(config), LogLevels.from(config));
            } catch (IllegalArgumentException e) {
                CommandLine cl = leaf.commandSpec().commandLine();
                cl.getErr().println("error: " + e.getMessage());
                cl.getErr().flush();
                return ExitCodes.FAILURE;
            }
        }
        return new CommandLine.RunLast().execute(parseResult);
    }
}
