package io.hookline.cli;

/**
 * A failure the user can act on; its message is printed as is, without a stack trace. Subclasses carry what a caller
 * other than the command line (the console) needs to show it, such as the field a rule is about.
 */
public class CliFailure extends RuntimeException {

    public CliFailure(String message) {
        super(message);
    }

    public CliFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
