package io.hookline.cli;

import io.hookline.cli.logging.ConfiguredLogging;
import io.hookline.cli.logging.LogSetup;

/** Entry point of the runnable jar: {@code java -jar hookline.jar COMMAND ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: logback starts with Hookline's defaults (DefaultLogConfigurator: text on stderr,
        // so stdout stays the command's output), then ConfiguredLogging applies hookline.log-format and -log-level.
        LogSetup.selectLogback();
        var commandLine = HooklineCommand.commandLine(System.getenv(), System.in);
        commandLine.setExecutionStrategy(new ConfiguredLogging(System.getenv()));
        int exitCode = commandLine.execute(args);
        // picocli's writers buffer; System.exit would drop what a command printed without a newline.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
