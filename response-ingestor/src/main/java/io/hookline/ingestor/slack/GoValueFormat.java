package io.hookline.ingestor.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprintf("%v", v)} of a value {@code encoding/json} decoded into an {@code interface{}}: how
 * Mattermost stringifies a non-string attachment field value. Numbers are float64 in Go, so {@code 1000000} prints
 * {@code 1e+06}; objects print as {@code map[k:v ...]} with keys in byte order; arrays as {@code [a b]}; JSON null
 * inside them as {@code <nil>}.
 */
final class GoValueFormat {

    private GoValueFormat() {
    }

    static String of(JsonNode value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            out.append("<nil>");
        } else if (v.isTextual()) {
            out.append(v.textValue());
        } else if (v.isBoolean()) {
            out.append(v.booleanValue());
        } else if (v.isNumber()) {
            out.append(float64(v.doubleValue()));
        } else if (v.isArray()) {
            out.append('[');
            for (int i = 0; i < v.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                append(out, v.get(i));
            }
            out.append(']');
        } else if (v.isObject()) {
            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                entries.add(it.next());
            }
            // fmt sorts map keys; Go compares strings by their UTF-8 bytes, not by UTF-16 units.
            entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey().getBytes(StandardCharsets.UTF_8),
                    b.getKey().getBytes(StandardCharsets.UTF_8)));
            out.append("map[");
            for (int i = 0; i < entries.size(); i++) {
                if (i > 0) {
                    out.append(' ');
                }
                out.append(entries.get(i).getKey()).append(':');
                append(out, entries.get(i).getValue());
            }
            out.append(']');
        } else {
            out.append(v.asText());
        }
    }

    /**
     * {@code strconv.FormatFloat(f, 'g', -1, 64)}: the shortest digits that read back as {@code f}, in exponent form
     * when the exponent is below -4 or at least 6 (the precision {@code %v} uses for that choice). Java 17's
     * {@code Double.toString} does not always give the shortest digits, hence the search with exact decimals.
     */
    static String float64(double f) {
        if (f == 0) {
            return Double.doubleToRawLongBits(f) < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(Math.abs(f));
        BigDecimal shortest = exact;
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == Math.abs(f)) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointAt = digits.length() - shortest.scale();
        int exponent = pointAt - 1;
        StringBuilder out = new StringBuilder(f < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            out.append(abs < 10 ? "0" : "").append(abs);
        } else if (pointAt <= 0) {
            out.append("0.").append("0".repeat(-pointAt)).append(digits);
        } else if (pointAt >= digits.length()) {
            out.append(digits).append("0".repeat(pointAt - digits.length()));
        } else {
            out.append(digits, 0, pointAt).append('.').append(digits, pointAt, digits.length());
        }
        return out.toString();
    }
}
