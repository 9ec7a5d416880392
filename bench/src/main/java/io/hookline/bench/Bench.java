package io.hookline.bench;

import io.hookline.cli.logging.LogSetup;
import io.hookline.localkafka.LocalKafka;
import io.hookline.schemas.serde.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark harness: {@code java -jar bench/target/bench.jar [all | matcher delivery latency click one-host
 * isolation scale-out start] [--out FILE] [--latency-rate N] [--writer-linger MS] [--seconds N] [--warmup N]
 * [--rounds N]}. Starts a local broker (a child JVM) and built-in callback endpoints on 127.0.0.1, runs the named
 * scenarios one after the other ({@code --rounds} times), prints one table row per result and writes them all as JSON
 * (default {@code bench/results/latest.json}).
 */
public final class Bench {

    static final List<String> SCENARIOS = List.of("matcher", "delivery", "latency", "click", "one-host", "isolation",
            "scale-out", "start");

    private Bench() {
    }

    /** A result and the round it was measured in (1 for the first; later rounds meet a broker that has served). */
    private record Result(int round, Row row) {
    }

    public static void main(String[] args) throws Exception {
        // the bench logs like the hookline command: logback, text on stderr, Kafka at WARN
        LogSetup.selectLogback();
        Path out = Path.of("bench", "results", "latest.json");
        Set<String> chosen = new LinkedHashSet<>();
        int latencyRate = 1_000;
        int writerLingerMs = 0;
        int rounds = 1;
        Integer seconds = null;
        Integer warmupSeconds = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (args[i].equals("--latency-rate") && i + 1 < args.length) {
                latencyRate = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--rounds") && i + 1 < args.length) {
                rounds = Integer.parseInt(args[++i]);
                if (rounds < 1) {
                    System.err.println("--rounds must be at least 1, got " + rounds);
                    System.exit(2);
                }
            } else if (args[i].equals("--writer-linger") && i + 1 < args.length) {
                writerLingerMs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--seconds") && i + 1 < args.length) {
                seconds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--warmup") && i + 1 < args.length) {
                warmupSeconds = Integer.parseInt(args[++i]);
            } else if (args[i].equals("all")) {
                chosen.addAll(SCENARIOS);
            } else if (SCENARIOS.contains(args[i])) {
                chosen.add(args[i]);
            } else {
                System.err.println("unknown scenario '" + args[i] + "'; known: all " + String.join(" ", SCENARIOS)
                        + " [--out FILE] [--latency-rate POSTS_PER_SECOND] [--writer-linger MS] [--seconds N]"
                        + " [--warmup N] [--rounds N]");
                System.exit(2);
            }
        }
        if (chosen.isEmpty()) {
            chosen.addAll(SCENARIOS);
        }
        Path work = Files.createTempDirectory("hookline-bench");
        List<Result> results = new ArrayList<>();
        long started = System.currentTimeMillis();
        System.out.println("starting a local broker (child JVM) in " + work + " ...");
        try (LocalKafka broker = LocalKafka.start(work.resolve("kafka"));
             BenchKafka kafka = new BenchKafka(broker.bootstrapServers(), work)) {
            System.out.println(Row.header());
            System.out.println(Row.rule());
            for (int round = 1; round <= rounds; round++) {
                for (String scenario : chosen) {
                    long t0 = System.currentTimeMillis();
                    List<Row> result = switch (scenario) {
                        case "matcher" -> MatcherScenario.run(kafka, 60_000);
                        case "delivery" -> List.of(DeliveryScenarios.delivery(kafka, 20_000));
                        // the latency scenario counts from 8 s after its stages start (how a fresh deployment does);
                        // the click target is about stages that have served a while, so clicks count from 45 s on
                        case "latency" -> List.of(LatencyScenario.run(kafka, new LatencyScenario.Load(latencyRate,
                                orElse(seconds, 25), orElse(warmupSeconds, 8), writerLingerMs)));
                        case "click" -> List.of(ClickScenario.run(kafka, 100, 10, orElse(seconds, 90),
                                orElse(warmupSeconds, 45)));
                        case "one-host" -> List.of(OneHostScenario.run(kafka, 20_000));
                        case "isolation" -> List.of(DeliveryScenarios.isolation(kafka, 10_000));
                        case "scale-out" -> List.of(DeliveryScenarios.scaleOut(kafka, 6_000));
                        case "start" -> List.of(StartupScenario.run(kafka, 10_000));
                        default -> throw new IllegalStateException(scenario);
                    };
                    for (Row r : result) {
                        System.out.println(r.line());
                        results.add(new Result(round, r));
                    }
                    System.err.printf("(%s%s took %d s)%n", scenario, rounds > 1 ? ", round " + round : "",
                            (System.currentTimeMillis() - t0) / 1000);
                }
            }
        }
        if (Boolean.getBoolean("bench.keep-work")) {
            System.err.println("kept the work folder (stage logs under logs/): " + work);
        } else {
            deleteTree(work);
        }
        write(out, results, started);
        System.out.println("wrote " + out.toAbsolutePath());
        System.exit(0);
    }

    /**
     * The system properties that shaped the run (the bench's own, {@code bench.*}, and the local broker's,
     * {@code hookline.local-kafka.*}: layout, stage settings, JVM options), so that a result file says how it was made.
     */
    static Map<String, String> runOptions() {
        Map<String, String> options = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.") || k.startsWith("hookline.local-kafka."))
                .forEach(k -> options.put(k, System.getProperty(k)));
        return options;
    }

    private static int orElse(Integer given, int scenarioDefault) {
        return given == null ? scenarioDefault : given;
    }

    private static void write(Path out, List<Result> rows, long started) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("started_at", Instant.ofEpochMilli(started).toString());
        doc.put("duration_seconds", (System.currentTimeMillis() - started) / 1000);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("processors", Runtime.getRuntime().availableProcessors());
        machine.put("memory_bytes", totalMemory());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("load_average_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        doc.put("machine", machine);
        doc.put("options", runOptions());
        List<Map<String, Object>> results = new ArrayList<>();
        for (Result result : rows) {
            Row r = result.row();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", r.scenario());
            m.put("round", result.round());
            m.put("measured", r.measured());
            m.put("value", r.value());
            m.put("baseline", r.baseline());
            m.put("baseline_value", r.baselineValue());
            m.put("unit", r.unit());
            m.put("ratio", Double.isNaN(r.ratio()) ? null : r.ratio());
            m.put("details", r.details());
            results.add(m);
        }
        doc.put("results", results);
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return -1;
    }
}
