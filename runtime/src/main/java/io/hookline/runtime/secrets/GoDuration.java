package io.hookline.runtime.secrets;

import java.math.BigDecimal;
import java.time.Duration;

/** Go's {@code time.Duration.String()} for the millisecond durations Hookline configures: 30s, 1m30s, 1h0m0s, 500ms. */
final class GoDuration {

    private GoDuration() {
    }

    static String format(Duration d) {
        long millis = d.toMillis();
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (millis < 0) {
            out.append('-');
            millis = -millis;
        }
        if (millis < 1000) {
            return out.append(millis).append("ms").toString();
        }
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        BigDecimal seconds = BigDecimal.valueOf(millis % 60_000).movePointLeft(3).stripTrailingZeros();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(seconds.signum() == 0 ? "0" : seconds.toPlainString()).append('s').toString();
    }
}
