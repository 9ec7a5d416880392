package io.hookline.cli;

/** Entry point of the runnable jar: {@code java -jar hookline.jar COMMAND ...}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // Before any logger exists: slf4j-simple reads these once. Logs go to stderr so that stdout stays the
        // command's output (JSON lines, ids) and can be piped.
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
        // Kafka clients are chatty at info (every config dump); keep their warnings only.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
        var commandLine = HooklineCommand.commandLine(System.getenv(), System.in);
        int exitCode = commandLine.execute(args);
        // picocli's writers buffer; System.exit would drop what a command printed without a newline.
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        System.exit(exitCode);
    }
}
