package io.hookline.cli;

/** Exit codes of every command. */
public final class ExitCodes {

    public static final int OK = 0;
    /** Invalid input (validation), unreachable broker, or any other failure. */
    public static final int FAILURE = 1;
    /** Unknown command or option, missing or malformed option value (picocli's own code). */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}
