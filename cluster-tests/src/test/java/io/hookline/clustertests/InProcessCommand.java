package io.hookline.clustertests;

import io.hookline.cli.HooklineCommand;
import io.hookline.cli.run.StopSignal;
import io.hookline.kafkatest.Await;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** A {@code hookline} command run in this JVM with its own environment, stopped as Ctrl-C would stop it. */
record InProcessCommand(StopSignal signal, StringWriter out, StringWriter err, CompletableFuture<Integer> exit)
        implements AutoCloseable {

    /** Starts the command; returns once it printed its ready line or ended. */
    static InProcessCommand start(Map<String, String> environment, String... args) {
        StopSignal stop = new StopSignal();
        CommandLine cl = HooklineCommand.commandLine(environment, new ByteArrayInputStream(new byte[0]), () -> stop);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        // a thread of its own: the command runs until stopped, and must not hold a shared pool's thread
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread runner = new Thread(() -> {
            try {
                exit.complete(cl.execute(args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        }, "hookline-" + args[0]);
        runner.setDaemon(true);
        runner.start();
        InProcessCommand c = new InProcessCommand(stop, out, err, exit);
        Await.until(() -> out.toString().contains("ready") || c.exit.isDone(), Duration.ofSeconds(120),
                () -> "the ready line of " + String.join(" ", args) + "; err so far: " + err);
        return c;
    }

    boolean isReady() {
        return out.toString().contains("ready") && !exit.isDone();
    }

    /** Asks it to stop, as Ctrl-C does, without waiting. */
    void requestStop() {
        signal.request();
    }

    @Override
    public void close() throws Exception {
        signal.request();
        exit.get(90, TimeUnit.SECONDS);
    }
}
