package io.hookline.cli;

import io.hookline.cli.console.ConsoleSettings;
import io.hookline.cli.ops.OpsSettings;
import io.hookline.integrationapi.IntegrationApiSettings;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.runtime.topic.TopicProvisioner;
import io.hookline.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A configuration of its own per test on the shared broker: unique topic names and application-id prefix. */
public final class IsolatedConfig {

    private final Map<String, String> values = new LinkedHashMap<>();

    public IsolatedConfig(KafkaBroker broker) {
        values.put(Settings.BOOTSTRAP_SERVERS.name(), broker.bootstrapServers());
        values.put(Settings.APPLICATION_ID_PREFIX.name(), broker.uniqueName("hl"));
        // One partition per topic keeps the broker light on two cores; partitioning is not what these tests check.
        values.put(Settings.TOPIC_PARTITIONS.name(), "1");
        // Streams state under target/, not the shared /tmp/kafka-streams (app ids are unique, the dir can be shared).
        values.put("state.dir", Path.of("target", "kafka-streams").toAbsolutePath().toString());
        // The ops endpoint of commands under test: loopback only, any free port (never a developer's 9464).
        values.put(OpsSettings.OPS_ADDRESS.name(), "127.0.0.1");
        values.put(OpsSettings.OPS_PORT.name(), "0");
        // likewise the integration API: loopback, any free port (never the 8066 of a developer's own `up`)
        values.put(IntegrationApiSettings.ADDRESS.name(), "127.0.0.1");
        values.put(IntegrationApiSettings.PORT.name(), "0");
        // and the console (of up): any free port, never the 8068 of a developer's own console
        values.put(ConsoleSettings.PORT.name(), "0");
        for (var key : TopicSettings.KEYS) {
            values.put(key.name(), broker.uniqueName(key.defaultValue()));
        }
    }

    public IsolatedConfig with(String key, String value) {
        values.put(key, value);
        return this;
    }

    public HooklineConfig config() {
        return HooklineConfig.of(values);
    }

    /** The configuration, once its topics exist on the broker (created when missing, as the services would). */
    public HooklineConfig provisioned() {
        HooklineConfig config = config();
        try (Admin admin = Admin.create(config.kafkaProperties())) {
            new TopicProvisioner(admin, config).ensure(TopicSettings.topics(config));
        }
        return config;
    }

    public Topics topics() {
        return TopicSettings.topics(config());
    }

    /** The same configuration as {@code --set} options, followed by {@code args}. */
    public String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        values.forEach((k, v) -> {
            all.add("--set");
            all.add(k + "=" + v);
        });
        return all.toArray(String[]::new);
    }
}
