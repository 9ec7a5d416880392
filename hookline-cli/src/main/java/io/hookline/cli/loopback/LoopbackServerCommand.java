package io.hookline.cli.loopback;

import io.hookline.cli.CliFailure;
import io.hookline.cli.HooklineSubcommand;
import io.hookline.cli.run.RunUntilStopped;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.function.Consumer;

/**
 * A command that runs a tool server on 127.0.0.1 until Ctrl-C, printing one line per request on standard output.
 * Each command keeps its own {@code --port} (their defaults differ) and says what it serves once it listens.
 */
public abstract class LoopbackServerCommand extends HooklineSubcommand {

    /** Starts the tool, which reports each request to {@code print}. */
    @FunctionalInterface
    protected interface Start {
        LoopbackTool start(Consumer<String> print) throws IOException;
    }

    /**
     * Starts the tool on {@code port}, hands its URL to {@code announce} and runs until stopped.
     *
     * @param what what the tool is, for errors ("the echo server")
     */
    protected final int serve(int port, String what, Start start, Consumer<String> announce)
            throws InterruptedException {
        LoopbackTool tool;
        try {
            tool = start.start(this::println);
        } catch (BindException e) {
            throw new CliFailure("port " + port + " on 127.0.0.1 is in use; choose another with --port");
        } catch (IOException e) {
            throw new CliFailure("cannot start " + what + ": " + e, e);
        }
        try {
            announce.accept(tool.url());
            return RunUntilStopped.await(stopSignal());
        } finally {
            tool.close();
        }
    }

    /** Prints {@code line} on standard output, whole: requests are handled on several threads. */
    protected final void println(String line) {
        PrintWriter out = out();
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
