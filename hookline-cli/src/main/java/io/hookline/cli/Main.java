package io.hookline.cli;

import io.hookline.cli.logging.ConfiguredLogging;

/** Entry point of the runnable jar: {@code java -jar hookline.jar COMMAND ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: logback, not the slf4j-simple that is on the classpath for the local broker's
        // child JVM. Logback starts with Hookline's defaults (DefaultLogConfigurator: text on stderr, so stdout stays
        // the command's output), then ConfiguredLogging applies hookline.log-format and hookline.log-level.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        }
        // slf4j would announce that choice on stderr at every start
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        var commandLine = HooklineCommand.commandLine(System.getenv(), System.in);
        commandLine.setExecutionStrategy(new ConfiguredLogging(System.getenv()));
        int exitCode = commandLine.execute(args);
        // picocli's writers buffer; System.exit would drop what a command printed without a newline.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
