package io.hookline.cli.config;

import io.hookline.runtime.config.ConfigKey;
import java.util.List;
import java.util.Map;

/** The configuration reference as Markdown tables, as the README shows it (a test keeps the two equal). */
final class ConfigTable {

    private ConfigTable() {
    }

    public static String markdown(Map<String, List<ConfigKey>> groups) {
        StringBuilder md = new StringBuilder();
        for (var group : groups.entrySet()) {
            md.append("**").append(group.getKey()).append("**\n\n");
            md.append("| key | environment variable | default | meaning |\n|---|---|---|---|\n");
            for (ConfigKey k : group.getValue()) {
                md.append("| `").append(k.name()).append("` | `").append(k.environmentVariable()).append("` | ")
                        .append(k.defaultValue() == null ? "(none)" : k.defaultValue().isEmpty() ? "(empty)"
                                : "`" + k.defaultValue() + "`")
                        .append(" | ").append(k.description().replace("|", "\\|")).append(" |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }
}
