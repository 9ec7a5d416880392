package io.hookline.cli.logging;

import ch.qos.logback.classic.Level;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The levels of {@code hookline.log-level}: {@code info,org.apache.kafka=warn} means every logger at INFO except
 * Kafka's (its clients log every configuration and rebalance at INFO) at WARN.
 *
 * @param byLogger logger name to level, in the order given (a more specific name wins regardless of order)
 */
record LogLevels(Level root, Map<String, Level> byLogger) {

    private static final Set<String> NAMES = Set.of("trace", "debug", "info", "warn", "error", "off");

    public LogLevels {
        byLogger = Collections.unmodifiableMap(new LinkedHashMap<>(byLogger));
    }

    public static LogLevels from(HooklineConfig config) {
        String value = config.require(LogSettings.LOG_LEVEL);
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LogSettings.LOG_LEVEL.name() + " " + e.getMessage() + ", got '" + value
                    + "' (from " + config.sourceOf(LogSettings.LOG_LEVEL.name()) + ")");
        }
    }

    /** Parses {@code LEVEL[,LOGGER=LEVEL...]}; the first part may be left out (then INFO). */
    public static LogLevels parse(String value) {
        Level root = Level.INFO;
        Map<String, Level> byLogger = new LinkedHashMap<>();
        String[] parts = value.split(",");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                if (i != 0) {
                    throw new IllegalArgumentException("must give the overall level first, then LOGGER=LEVEL pairs "
                            + "(part '" + part + "')");
                }
                root = level(part);
            } else {
                String logger = part.substring(0, eq).trim();
                if (logger.isEmpty()) {
                    throw new IllegalArgumentException("has a LOGGER=LEVEL pair without a logger name (part '" + part
                            + "')");
                }
                byLogger.put(logger, level(part.substring(eq + 1)));
            }
        }
        return new LogLevels(root, byLogger);
    }

    private static Level level(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException("has an unknown level '" + name.trim() + "' (one of trace, debug, info, "
                    + "warn, error, off)");
        }
        return Level.toLevel(n);
    }
}
