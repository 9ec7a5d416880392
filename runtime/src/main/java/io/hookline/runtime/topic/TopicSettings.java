package io.hookline.runtime.topic;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.topic.Topics;
import java.util.List;

/** The configuration keys that name Hookline's topics ({@code hookline.topic.<logical name>}), and the topics they give. */
public final class TopicSettings {

    public static final List<ConfigKey> KEYS = Topics.LOGICAL_NAMES.stream().map(TopicSettings::keyOf).toList();

    private TopicSettings() {
    }

    /** The key that names the topic {@code logicalName}; its default is the logical name. */
    public static ConfigKey keyOf(String logicalName) {
        return ConfigKey.of("hookline.topic." + logicalName, logicalName, "name of the " + logicalName + " topic");
    }

    /** The topics with the names {@code config} gives them. */
    public static Topics topics(HooklineConfig config) {
        return Topics.named(logical -> config.get(keyOf(logical)));
    }
}
