package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.cli.run.StopSignal;
import io.hookline.kafkatest.Await;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * A long-running command ({@code up}, a stage) run in this JVM until its {@code ready} line, stopped through its
 * {@link StopSignal} as Ctrl-C would.
 */
record RunningCommand(StopSignal signal, StringWriter out, StringWriter err, CompletableFuture<Integer> exit)
        implements AutoCloseable {

    private static final Pattern OPS_URL = Pattern.compile("/health and /metrics on (http://127\\.0\\.0\\.1:\\d+)");

    /** Starts the command and waits (at most 120 s) for its ready line. */
    static RunningCommand start(String... args) throws Exception {
        return startUntil("ready", args);
    }

    /** Starts the command and waits (at most 120 s) until its output contains {@code marker}. */
    static RunningCommand startUntil(String marker, String... args) throws Exception {
        StopSignal stop = new StopSignal();
        CommandLine cl = HooklineCommand.commandLine(Map.of(), new ByteArrayInputStream(new byte[0]), () -> stop);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        RunningCommand r = new RunningCommand(stop, out, err, CompletableFuture.supplyAsync(() -> cl.execute(args)));
        Await.until(() -> out.toString().contains(marker) || r.exit.isDone(), Duration.ofSeconds(120),
                () -> "'" + marker + "' in the output; err so far: " + err);
        return r;
    }

    /** The ops endpoint's URL, as the ready line names it. */
    String opsUrl() {
        Matcher m = OPS_URL.matcher(out.toString());
        assertThat(m.find()).as("ops URL in the ready line: %s / %s", out, err).isTrue();
        return m.group(1);
    }

    /** Requests the stop and asserts a clean exit within 90 s. */
    void stop() throws Exception {
        signal.request();
        assertThat(exit.get(90, TimeUnit.SECONDS)).as(err.toString()).isEqualTo(ExitCodes.OK);
    }

    @Override
    public void close() throws Exception {
        signal.request();
        exit.get(90, TimeUnit.SECONDS);
    }
}
