package io.hookline.runtime.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Hookline's configuration, merged in one place. Precedence, highest first: {@code --set key=value}, environment
 * variables ({@link ConfigKey#environmentVariable()}; {@code HOOKLINE_KAFKA_SASL_MECHANISM} style for any Kafka client
 * setting), the properties file ({@code --config FILE}), the key's default. Immutable.
 */
public final class HooklineConfig {

    private static final String KAFKA_ENV_PREFIX = "HOOKLINE_KAFKA_";

    private final Map<String, String> overrides;
    private final Map<String, String> environment;
    private final Map<String, String> file;
    private final String fileName;

    private HooklineConfig(Map<String, String> overrides, Map<String, String> environment, Map<String, String> file,
                           String fileName) {
        this.overrides = Map.copyOf(overrides);
        this.environment = Map.copyOf(environment);
        this.file = Map.copyOf(file);
        this.fileName = fileName;
    }

    /**
     * Reads the file (when given), keeps the {@code HOOKLINE_*} variables of {@code environment} and applies
     * {@code overrides}.
     *
     * @throws IllegalArgumentException when the file cannot be read, naming it and why
     */
    public static HooklineConfig load(Path propertiesFile, Map<String, String> environment,
                                      Map<String, String> overrides) {
        Map<String, String> file = new LinkedHashMap<>();
        if (propertiesFile != null) {
            Properties props = new Properties();
            try (Reader reader = Files.newBufferedReader(propertiesFile, StandardCharsets.UTF_8)) {
                props.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot read configuration file " + propertiesFile + ": " + e, e);
            }
            props.stringPropertyNames().forEach(k -> file.put(k.trim(), props.getProperty(k).trim()));
        }
        Map<String, String> env = new LinkedHashMap<>();
        environment.forEach((k, v) -> {
            if (k.startsWith("HOOKLINE_") && v != null) {
                env.put(k, v);
            }
        });
        return new HooklineConfig(overrides, env, file, propertiesFile == null ? null : propertiesFile.toString());
    }

    /** A configuration made only of these values, as if each was given with {@code --set}. */
    public static HooklineConfig of(Map<String, String> values) {
        return new HooklineConfig(values, Map.of(), Map.of(), null);
    }

    /** This configuration with one more {@code --set}. */
    public HooklineConfig with(String key, String value) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put(key, value);
        return new HooklineConfig(o, environment, file, fileName);
    }

    /** The value of {@code key}, or its default (null when it has none). */
    public String get(ConfigKey key) {
        String value = explicit(key.name());
        return value != null ? value : key.defaultValue();
    }

    /** The value of {@code key}, failing with a message that names the key when it is not set. */
    public String require(ConfigKey key) {
        String value = get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key.name() + " is not set (" + key.description() + "); set it in the "
                    + "config file, with " + key.environmentVariable() + " or with --set " + key.name() + "=...");
        }
        return value;
    }

    public boolean getBoolean(ConfigKey key) {
        String value = require(key).trim().toLowerCase(Locale.ROOT);
        if (value.equals("true")) {
            return true;
        }
        if (value.equals("false")) {
            return false;
        }
        throw invalid(key, "true or false");
    }

    public int getInt(ConfigKey key) {
        try {
            return Integer.parseInt(require(key).trim());
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    /** A whole number of milliseconds, more than zero (a Kafka client's timeout under its own name). */
    public int getPositiveMillis(ConfigKey key) {
        int value = getInt(key);
        if (value <= 0) {
            throw new IllegalArgumentException(key.name() + " must be a positive number of milliseconds, got "
                    + value + " (from " + sourceOf(key.name()) + ")");
        }
        return value;
    }

    /** A duration in {@link Durations}' grammar (a bare number is seconds, Mattermost's unit), zero or more. */
    public Duration getDuration(ConfigKey key) {
        try {
            return Durations.parse(require(key));
        } catch (IllegalArgumentException e) {
            throw invalid(key, Durations.FORM);
        }
    }

    /** A duration that must be more than zero, such as a timeout. */
    public Duration getPositiveDuration(ConfigKey key) {
        Duration d = getDuration(key);
        if (d.isZero()) {
            throw invalid(key, "more than zero");
        }
        return d;
    }

    /** A duration of at most {@code max}, such as a wait every record may pay. */
    public Duration getDurationAtMost(ConfigKey key, Duration max) {
        Duration d = getDuration(key);
        if (d.compareTo(max) > 0) {
            throw invalid(key, "at most " + max.toMillis() + "ms");
        }
        return d;
    }

    /** A comma-separated list of durations; empty when the key is empty. */
    public List<Duration> getDurations(ConfigKey key) {
        String value = get(key);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        try {
            return java.util.Arrays.stream(value.split(",")).map(Durations::parse).toList();
        } catch (IllegalArgumentException e) {
            throw invalid(key, "comma separated durations, each " + Durations.FORM);
        }
    }

    /** Whether {@code key} was set by {@code --set}, the environment or the file, rather than left to its default. */
    public boolean isExplicit(String key) {
        return explicit(key) != null;
    }

    /** Where the value of {@code key} comes from: {@code --set}, {@code env NAME}, {@code file PATH} or {@code default}. */
    public String sourceOf(String key) {
        if (overrides.containsKey(key)) {
            return "--set";
        }
        String env = ConfigKey.environmentVariableOf(key);
        if (environment.containsKey(env)) {
            return "env " + env;
        }
        if (kafkaEnvironment().containsKey(key)) {
            return "env " + KAFKA_ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
        }
        if (file.containsKey(key)) {
            return "file " + fileName;
        }
        return "default";
    }

    /** Kafka client settings (every key not starting with {@code hookline.}), to pass to every Kafka client. */
    public Map<String, Object> kafkaProperties() {
        Map<String, Object> kafka = new TreeMap<>();
        file.forEach((k, v) -> putIfKafka(kafka, k, v));
        kafkaEnvironment().forEach((k, v) -> putIfKafka(kafka, k, v));
        String bootstrapEnv = environment.get(Settings.BOOTSTRAP_SERVERS.environmentVariable());
        if (bootstrapEnv != null) {
            kafka.put(Settings.BOOTSTRAP_SERVERS.name(), bootstrapEnv);
        }
        overrides.forEach((k, v) -> putIfKafka(kafka, k, v));
        return kafka;
    }

    /**
     * Every known key and every key set explicitly, with its value (secrets masked) and source, sorted by key.
     */
    public List<Entry> describe(Collection<ConfigKey> known) {
        Map<String, Entry> entries = new TreeMap<>();
        for (ConfigKey key : known) {
            String value = get(key);
            entries.put(key.name(), new Entry(key.name(), mask(key.name(), value), sourceOf(key.name())));
        }
        for (String key : explicitKeys()) {
            entries.computeIfAbsent(key, k -> new Entry(k, mask(k, explicit(k)), sourceOf(k)));
        }
        return List.copyOf(entries.values());
    }

    /** One line of {@link #describe}. */
    public record Entry(String key, String value, String source) {
    }

    /** Whether a key holds a secret whose value must never be printed or logged. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.contains("jaas")
                || k.endsWith(".key");
    }

    static String mask(String key, String value) {
        if (value == null) {
            return null;
        }
        return isSecret(key) && !value.isEmpty() ? "****" : value;
    }

    private String explicit(String key) {
        if (overrides.containsKey(key)) {
            return overrides.get(key);
        }
        String env = environment.get(ConfigKey.environmentVariableOf(key));
        if (env != null) {
            return env;
        }
        String kafkaEnv = kafkaEnvironment().get(key);
        if (kafkaEnv != null) {
            return kafkaEnv;
        }
        return file.get(key);
    }

    private List<String> explicitKeys() {
        Map<String, Boolean> keys = new TreeMap<>();
        file.keySet().forEach(k -> keys.put(k, true));
        kafkaEnvironment().keySet().forEach(k -> keys.put(k, true));
        overrides.keySet().forEach(k -> keys.put(k, true));
        return List.copyOf(keys.keySet());
    }

    private Map<String, String> kafkaEnvironment() {
        Map<String, String> kafka = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()) {
                kafka.put(name.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return kafka;
    }

    private static void putIfKafka(Map<String, Object> kafka, String key, String value) {
        if (!key.startsWith("hookline.")) {
            kafka.put(key, value);
        }
    }

    private IllegalArgumentException invalid(ConfigKey key, String expected) {
        return new IllegalArgumentException(key.name() + " must be " + expected + ", got '" + mask(key.name(),
                get(key)) + "' (from " + sourceOf(key.name()) + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HooklineConfig other && overrides.equals(other.overrides)
                && environment.equals(other.environment) && file.equals(other.file)
                && Objects.equals(fileName, other.fileName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(overrides, environment, file, fileName);
    }
}
