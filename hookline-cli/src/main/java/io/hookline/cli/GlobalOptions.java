package io.hookline.cli;

import io.hookline.cli.logging.LogSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options every command takes, mixed into each of them: where the configuration comes from. Precedence is the
 * one of {@link HooklineConfig}: {@code --bootstrap-servers} and {@code --set} first, then {@code HOOKLINE_*}
 * environment variables, then the {@code --config} file, then defaults.
 */
public final class GlobalOptions {

    @Option(names = "--config", paramLabel = "FILE", description = "Java properties file with Hookline and Kafka "
            + "client settings.")
    Path configFile;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Sets one configuration key (repeatable); "
            + "wins over the file and the environment.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = {"--bootstrap-servers", "-b"}, paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (same as --set bootstrap.servers=...).")
    String bootstrapServers;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "Log lines on stderr as text, logfmt or json "
            + "(same as --set hookline.log-format=...).")
    String logFormat;

    /** The configuration these options select, on top of {@code environment}. */
    public HooklineConfig load(Map<String, String> environment) {
        Map<String, String> all = new LinkedHashMap<>(overrides);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            all.put(Settings.BOOTSTRAP_SERVERS.name(), bootstrapServers.trim());
        }
        if (logFormat != null && !logFormat.isBlank()) {
            all.put(LogSettings.LOG_FORMAT.name(), logFormat.trim());
        }
        return HooklineConfig.load(configFile, environment, all);
    }
}
