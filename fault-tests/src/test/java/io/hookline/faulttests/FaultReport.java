package io.hookline.faulttests;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What every scenario does at its end: settle the ledger, print it with the receivers' counts. */
final class FaultReport {

    private static final Duration SETTLE = Duration.ofSeconds(180);

    private FaultReport() {
    }

    /** Reads the pipeline's output into {@code ledger} until nothing expected is missing (or 3 minutes passed). */
    static Ledger.Report settle(Pipeline pipeline, Ledger ledger) {
        try (LedgerReader reader = new LedgerReader(pipeline.bootstrapServers(), pipeline.topics(), ledger)) {
            reader.readUntilSettled(SETTLE);
            return ledger.report();
        }
    }

    /** Prints the ledger, requests per endpoint, duplicate deliveries and a few failure reasons per URL. */
    static void print(String scenario, Ledger.Report report, CallbackServer callbacks) {
        print(scenario, report, callbacks, List.of());
    }

    /** {@link #print(String, Ledger.Report, CallbackServer)}, then {@code figures} (stalls, pauses), one a line. */
    static void print(String scenario, Ledger.Report report, CallbackServer callbacks, List<String> figures) {
        StringBuilder s = new StringBuilder("[fault] ").append(scenario).append(": ").append(report.summary());
        for (Behaviour b : Behaviour.values()) {
            int total = callbacks.totalRequests(b);
            if (total > 0) {
                s.append("\n  endpoint ").append(b).append(": ").append(total).append(" requests");
                if (b == Behaviour.OK) {
                    s.append(", ").append(callbacks.duplicateDeliveries(b)).append(" duplicate deliveries");
                }
            }
        }
        report.failureReasonsByUrl().forEach((url, reasons) -> s.append("\n  reasons at ").append(url).append(": ")
                .append(reasons.stream().distinct().limit(3).toList()));
        figures.forEach(f -> s.append("\n  ").append(f));
        System.out.println(s);
    }

    /** Where a scenario's process logs go (kept after the run). */
    static Path runDir(String scenario) {
        return Path.of("target", "fault-runs", scenario + "-" + System.currentTimeMillis()).toAbsolutePath();
    }
}
