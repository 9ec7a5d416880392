package io.hookline.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr and a non-zero exit code. Expected failures (bad
 * configuration, unreachable broker, invalid input) are {@link CliFailure} or {@link IllegalArgumentException} and
 * print without a stack trace; anything else is a bug and prints its trace.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof CliFailure || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            err.println("error: " + e.getMessage());
        } else {
            err.println("error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.FAILURE;
    }
}
