package io.hookline.matcher;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.stream.HookConfigAuditor;
import io.hookline.schemas.topic.Topics;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The matcher's second, small application: reads {@code webhook-configs} as a stream and dead-letters each record
 * that the hook table of {@link MatcherTopology} does not apply, exactly once (its offsets are committed, unlike a
 * global store's, which reprocesses the topic at every start).
 */
public final class ConfigAuditTopology {

    public static final String CONFIGS_SOURCE = "matcher-config-audit-webhook-configs-source";
    public static final String AUDITOR = "matcher-config-audit";
    public static final String DEAD_LETTERS_SINK = "matcher-config-audit-dead-letters-sink";

    private ConfigAuditTopology() {
    }

    public static Topology build(StreamsBuilder builder, HooklineConfig config, Topics topics) {
        Topology topology = builder.build();
        topology.addSource(CONFIGS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.webhookConfigs().name());
        topology.addProcessor(AUDITOR, () -> new HookConfigAuditor(DEAD_LETTERS_SINK), CONFIGS_SOURCE);
        topology.addSink(DEAD_LETTERS_SINK, topics.deadLetters().name(), new ByteArraySerializer(),
                new ByteArraySerializer(), AUDITOR);
        return topology;
    }
}
