package io.hookline.cli.logging;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;

/** How a process logs. */
public final class LogSettings {

    public static final ConfigKey LOG_FORMAT = ConfigKey.of("hookline.log-format", "text",
            "format of the log lines on stderr: text, logfmt (key=value pairs) or json (one object per line)");
    public static final ConfigKey LOG_LEVEL = ConfigKey.of("hookline.log-level", "info,org.apache.kafka=warn",
            "log levels: the level of every logger, then LOGGER=LEVEL exceptions, comma separated (levels trace, "
                    + "debug, info, warn, error, off)");

    public static final List<ConfigKey> ALL = List.of(LOG_FORMAT, LOG_LEVEL);

    private LogSettings() {
    }
}
