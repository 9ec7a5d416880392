package io.hookline.bench;

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

/** A Hookline stage ({@code hookline dispatcher} ...) in a child JVM started from this JVM's classpath. */
final class StageProcess implements AutoCloseable {

    /** Extra JVM options for stage processes, whitespace-separated (e.g. {@code -XX:StartFlightRecording=...}). */
    static final String JVM_OPTIONS_PROPERTY = "bench.stage-jvm-options";

    private final String stage;
    private final Process process;
    private final Path log;

    private StageProcess(String stage, Process process, Path log) {
        this.stage = stage;
        this.process = process;
        this.log = log;
    }

    static StageProcess start(String stage, String bootstrap, Map<String, String> settings, Path logDir,
                              Duration timeout) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        String extra = System.getProperty(JVM_OPTIONS_PROPERTY, "").trim();
        if (!extra.isEmpty()) {
            cmd.addAll(List.of(extra.split("\\s+")));
        }
        // OrphanSafeMain: the stage exits when the bench JVM dies, even by SIGKILL (it watches the stdin pipe)
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), OrphanSafeMain.class.getName(),
                "io.hookline.cli.Main", stage, "-b", bootstrap));
        // several stages run side by side and the bench talks only to loopback: each ops endpoint on a free port
        Map<String, String> all = new LinkedHashMap<>(Map.of("hookline.ops-address", "127.0.0.1",
                "hookline.ops-port", "0"));
        all.putAll(settings);
        all.forEach((k, v) -> {
            cmd.add("--set");
            cmd.add(k + "=" + v);
        });
        Files.createDirectories(logDir);
        Path log = Files.createTempFile(logDir, stage + "-", ".log");
        Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
        StageProcess sp = new StageProcess(stage, p, log);
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly));
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("ready:")) {
                        ready.countDown();
                    }
                }
            } catch (IOException e) {
                // process gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IllegalStateException(stage + " did not start; see " + log);
            }
        }
        return sp;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return stage + " (log " + log + ")";
    }
}
