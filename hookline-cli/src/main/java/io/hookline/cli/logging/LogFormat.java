package io.hookline.cli.logging;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.Arrays;
import java.util.Locale;

/** How log lines look on stderr ({@code hookline.log-format}). */
enum LogFormat {
    /** For people at a terminal: {@code 12:00:00.000 [thread] INFO logger - message}, stack traces on more lines. */
    TEXT,
    /** {@code key=value} pairs, one line per event, for grep and log shippers that parse logfmt. */
    LOGFMT,
    /** One JSON object per line: {@code ts}, {@code level}, {@code logger}, {@code thread}, {@code msg}, {@code error}. */
    JSON;

    public static LogFormat from(HooklineConfig config) {
        String value = config.require(LogSettings.LOG_FORMAT).trim();
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(LogSettings.LOG_FORMAT.name() + " must be one of "
                    + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList() + ", got '" + value
                    + "' (from " + config.sourceOf(LogSettings.LOG_FORMAT.name()) + ")");
        }
    }
}
