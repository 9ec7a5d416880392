package io.hookline.runtime.config;

import java.util.Locale;
import java.util.Objects;

/**
 * A configuration key Hookline knows, with its default and meaning. Keys that do not start with {@code hookline.} are
 * Kafka client settings and pass through to every Kafka client.
 *
 * @param defaultValue the value when nothing sets it; null when there is none
 */
public record ConfigKey(String name, String defaultValue, String description) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
    }

    public static ConfigKey of(String name, String defaultValue, String description) {
        return new ConfigKey(name, defaultValue, description);
    }

    /**
     * The environment variable that sets this key: {@code HOOKLINE_} + the key without its {@code hookline.} prefix,
     * upper case, dots and dashes as underscores ({@code hookline.enable-outgoing-webhooks} is
     * {@code HOOKLINE_ENABLE_OUTGOING_WEBHOOKS}, {@code bootstrap.servers} is {@code HOOKLINE_BOOTSTRAP_SERVERS}).
     */
    public String environmentVariable() {
        return environmentVariableOf(name);
    }

    public static String environmentVariableOf(String key) {
        String bare = key.startsWith("hookline.") ? key.substring("hookline.".length()) : key;
        return "HOOKLINE_" + bare.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
