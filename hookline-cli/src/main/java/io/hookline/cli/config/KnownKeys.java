package io.hookline.cli.config;

import io.hookline.matcher.MatcherSettings;
import io.hookline.cli.console.ConsoleSettings;
import io.hookline.cli.logging.LogSettings;
import io.hookline.cli.ops.OpsSettings;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.Settings;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.ingestor.IngestorSettings;
import io.hookline.integrationapi.IntegrationApiSettings;
import io.hookline.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every configuration key of Hookline, grouped by who reads it, each listed once. */
public final class KnownKeys {

    private KnownKeys() {
    }

    /** Group title to keys, in the order the README shows them. */
    public static Map<String, List<ConfigKey>> byGroup() {
        Map<String, List<ConfigKey>> groups = new LinkedHashMap<>();
        groups.put("Shared (every service)", Settings.ALL);
        groups.put("Operations (every process)", concat(OpsSettings.ALL, LogSettings.ALL));
        groups.put("Topic names", TopicSettings.KEYS);
        groups.put("Matcher", MatcherSettings.ALL);
        groups.put("Dispatcher", ownOnly(DispatcherSettings.ALL));
        groups.put("Ingestor", IngestorSettings.ALL);
        groups.put("Integration API", ownOnly(IntegrationApiSettings.ALL));
        groups.put("Console", ConsoleSettings.ALL);
        return groups;
    }

    public static List<ConfigKey> all() {
        List<ConfigKey> all = new ArrayList<>();
        byGroup().values().forEach(keys -> keys.forEach(k -> {
            if (all.stream().noneMatch(known -> known.name().equals(k.name()))) {
                all.add(k);
            }
        }));
        return List.copyOf(all);
    }

    private static List<ConfigKey> concat(List<ConfigKey> a, List<ConfigKey> b) {
        List<ConfigKey> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    /** A module's list without the shared keys it also honours (they are in the shared group already). */
    private static List<ConfigKey> ownOnly(List<ConfigKey> keys) {
        return keys.stream().filter(k -> Settings.ALL.stream().noneMatch(s -> s.name().equals(k.name()))).toList();
    }
}
