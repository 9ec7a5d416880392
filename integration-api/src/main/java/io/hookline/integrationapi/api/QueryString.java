package io.hookline.integrationapi.api;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Go's {@code r.URL.Query().Get(name)}: the first value of {@code name}; pairs Go cannot parse are skipped. */
final class QueryString {

    private QueryString() {
    }

    static String first(String rawQuery, String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        for (String pair : rawQuery.split("&", -1)) {
            // Go 1.17+ refuses semicolons as separators: such a pair is an error and dropped
            if (pair.isEmpty() || pair.contains(";")) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (key.equals(name)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException badEscape) {
                // Go's ParseQuery skips a pair with a bad escape and goes on
            }
        }
        return "";
    }
}
