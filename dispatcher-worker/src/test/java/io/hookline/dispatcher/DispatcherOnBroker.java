package io.hookline.dispatcher;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The configuration and topics of a dispatcher on the test broker, for the tests that run one. */
final class DispatcherOnBroker {

    private DispatcherOnBroker() {
    }

    /**
     * Topics and group names of their own on {@code broker}, callbacks allowed to 127.0.0.1 (where the tests' servers
     * listen), then {@code settings} of the test on top.
     */
    static HooklineConfig config(KafkaBroker broker, Map<String, String> settings) {
        Map<String, String> values = new HashMap<>();
        values.put("bootstrap.servers", broker.bootstrapServers());
        values.put("hookline.application-id-prefix", broker.uniqueName("disp"));
        for (String t : List.of("webhook-configs", "webhook-triggers", "webhook-responses", "dead-letters",
                "webhook-retries", "interactions", "integration-secrets")) {
            values.put("hookline.topic." + t, broker.uniqueName(t));
        }
        // the callback server listens on loopback: allowing it is also what proves the allow-list works
        values.put("hookline.allowed-untrusted-internal-connections", "127.0.0.1");
        values.put("hookline.outgoing-integration-requests-timeout", "5");
        values.putAll(settings);
        return HooklineConfig.of(values);
    }

    /** Creates the topics the dispatcher reads and writes, as a deployment would (hooks compacted). */
    static Topics createTopics(KafkaBroker broker, HooklineConfig config) {
        Topics topics = TopicSettings.topics(config);
        for (var t : List.of(topics.webhookTriggers(), topics.webhookResponses(), topics.deadLetters(),
                topics.webhookRetries(), topics.interactions())) {
            broker.createTopic(t.name(), 4, Map.of());
        }
        broker.createTopic(topics.webhookConfigs().name(), 2, Map.of("cleanup.policy", "compact"));
        return topics;
    }
}
