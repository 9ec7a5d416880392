package io.hookline.bench;

import java.util.Locale;
import java.util.Map;

/**
 * One result: the scenario, what was measured next to its baseline in the same run, their ratio (what counts on a
 * shared machine), and the details.
 */
record Row(String scenario, String measured, double value, String baseline, double baselineValue,
                  String unit, Map<String, Object> details) {

    public double ratio() {
        return baselineValue == 0 ? Double.NaN : value / baselineValue;
    }

    static String header() {
        return String.format(Locale.ROOT, "| %-10s | %-50s | %12s | %-36s | %12s | %6s |", "scenario", "measured",
                "value", "baseline (same run)", "value", "ratio");
    }

    static String rule() {
        return "|" + "-".repeat(12) + "|" + "-".repeat(52) + "|" + "-".repeat(14) + "|" + "-".repeat(38) + "|"
                + "-".repeat(14) + "|" + "-".repeat(8) + "|";
    }

    String line() {
        return String.format(Locale.ROOT, "| %-10s | %-50s | %12s | %-36s | %12s | %6s |", scenario, measured,
                format(value), baseline, baselineValue == 0 ? "" : format(baselineValue),
                Double.isNaN(ratio()) ? "" : String.format(Locale.ROOT, "%.2f", ratio()));
    }

    private String format(double v) {
        return String.format(Locale.ROOT, "%,.0f %s", v, unit);
    }
}
