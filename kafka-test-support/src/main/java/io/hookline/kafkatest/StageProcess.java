package io.hookline.kafkatest;

import io.hookline.localkafka.OrphanSafeMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One Hookline stage ({@code hookline matcher|dispatcher|ingestor}) in a child JVM started with this JVM's classpath
 * (which must hold the CLI), exactly as an operator runs it: for the fault tests and the bench. Stderr (the logs) goes to a file; stdout is watched for the {@code ready} line.
 * {@link #kill()} is SIGKILL ({@code kill -9}): no shutdown hook, no commit, no leave-group.
 *
 * <p>The stage runs under {@link OrphanSafeMain}: its stdin is a pipe from this JVM, never written nor closed, so if
 * this JVM dies (even by SIGKILL, e.g. a surefire timeout) the stage sees end-of-file and exits instead of running on.
 */
public final class StageProcess implements AutoCloseable {

    private static final String MAIN = "io.hookline.cli.Main";

    private final String stage;
    private final List<String> command;
    private final Path log;
    private Process process;
    private int launches;

    /**
     * @param settings   {@code --set} values; the ops endpoint listens on loopback, on a free port, unless they say
     *                   otherwise
     * @param jvmOptions the child JVM's options (heap, GC, JIT), all of them: tests and benchmarks want different ones
     */
    public StageProcess(String stage, String bootstrapServers, Map<String, String> settings, List<String> jvmOptions,
                        Path logDir) {
        this.stage = stage;
        this.log = logDir.resolve(stage + "-" + Integer.toHexString(System.identityHashCode(this)) + ".log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(OrphanSafeMain.class.getName());
        cmd.add(MAIN);
        cmd.add(stage);
        cmd.add("-b");
        cmd.add(bootstrapServers);
        // tests listen on loopback only, and several stages run side by side: each takes a free port
        Map<String, String> all = new LinkedHashMap<>(Map.of("hookline.ops-address", "127.0.0.1",
                "hookline.ops-port", "0"));
        all.putAll(settings);
        all.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        this.command = List.copyOf(cmd);
    }

    /** Starts the stage and waits for its {@code ready} line. */
    public synchronized StageProcess start(Duration timeout) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(stage + " is already running");
        }
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== launch " + (++launches) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    // the parent pipe OrphanSafeMain watches
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot launch " + stage + ": " + e.getMessage(), e);
        }
        CountDownLatch ready = new CountDownLatch(1);
        Process p = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("ready:")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // the process died; waitReady below reports it
            }
        }, "stdout-" + stage);
        reader.setDaemon(true);
        reader.start();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!ready.await(200, TimeUnit.MILLISECONDS)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException(stage + " exited with " + p.exitValue() + " before ready; log "
                            + log + ":\n" + tail());
                }
                if (System.nanoTime() - deadline > 0) {
                    p.destroyForcibly();
                    throw new IllegalStateException(stage + " not ready within " + timeout + "; log " + log + ":\n"
                            + tail());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + stage, e);
        }
        return this;
    }

    /** {@code kill -9}; returns once the process is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit();
    }

    /** The running process, for measuring it (CPU time); fails when it was never started. */
    public synchronized ProcessHandle handle() {
        if (process == null) {
            throw new IllegalStateException(stage + " was never started");
        }
        return process.toHandle();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return stage;
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, the clean stop; SIGKILL if it does not exit in time. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        awaitExit();
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(stage + " (pid " + process.pid() + ") did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
