package io.hookline.matcher.testing;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.ConfigAuditTopology;
import io.hookline.matcher.MatcherService;
import io.hookline.matcher.MatcherTopology;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Both of the matcher's topologies in TopologyTestDrivers, fed like the real topics feed them: a config record goes
 * to the hook table and to the config audit, a post to the matcher.
 */
public final class MatcherDriver implements AutoCloseable {

    public static final Instant WALL_CLOCK = Instant.parse("2026-11-26T12:00:00Z");
    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);

    private final Topics topics;
    private final TopologyTestDriver matcher;
    private final TopologyTestDriver audit;
    private final TestInputTopic<byte[], byte[]> matcherConfigs;
    private final TestInputTopic<byte[], byte[]> auditConfigs;
    private final TestInputTopic<byte[], byte[]> posts;
    private final TestOutputTopic<String, WebhookTrigger> triggers;
    private final TestOutputTopic<byte[], byte[]> matcherDeadLetters;
    private final TestOutputTopic<byte[], byte[]> auditDeadLetters;

    public MatcherDriver(Path stateDir) {
        this(stateDir, Map.of());
    }

    public MatcherDriver(Path stateDir, Map<String, String> settings) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bootstrap.servers", "127.0.0.1:9");
        values.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        values.putAll(settings);
        HooklineConfig config = HooklineConfig.of(values);
        topics = TopicSettings.topics(config);
        matcher = new TopologyTestDriver(MatcherTopology.build(new StreamsBuilder(), config, topics),
                MatcherService.MATCHER_APP.properties(config), WALL_CLOCK);
        audit = new TopologyTestDriver(ConfigAuditTopology.build(new StreamsBuilder(), config, topics),
                MatcherService.CONFIG_AUDIT_APP.properties(config), WALL_CLOCK);
        ByteArraySerializer bytes = new ByteArraySerializer();
        matcherConfigs = matcher.createInputTopic(topics.webhookConfigs().name(), bytes, bytes);
        auditConfigs = audit.createInputTopic(topics.webhookConfigs().name(), bytes, bytes);
        posts = matcher.createInputTopic(topics.posts().name(), bytes, bytes);
        triggers = matcher.createOutputTopic(topics.webhookTriggers().name(), new StringDeserializer(),
                JsonSerde.of(WebhookTrigger.class));
        ByteArrayDeserializer raw = new ByteArrayDeserializer();
        matcherDeadLetters = matcher.createOutputTopic(topics.deadLetters().name(), raw, raw);
        auditDeadLetters = audit.createOutputTopic(topics.deadLetters().name(), raw, raw);
    }

    public Topics topics() {
        return topics;
    }

    public TopologyTestDriver matcher() {
        return matcher;
    }

    public MatcherDriver config(OutgoingWebhook hook) {
        return configRecord(utf8(hook.id()), HOOKS.toBytes(hook), null);
    }

    public MatcherDriver tombstone(String hookId) {
        return configRecord(utf8(hookId), null, null);
    }

    public MatcherDriver configRecord(byte[] key, byte[] value, Headers headers) {
        matcherConfigs.pipeInput(new TestRecord<>(key, value, headers, WALL_CLOCK));
        auditConfigs.pipeInput(new TestRecord<>(key, value, headers, WALL_CLOCK));
        return this;
    }

    public MatcherDriver post(PostEvent event) {
        return postRecord(utf8(event.post().channelId()), POSTS.toBytes(event), null);
    }

    public MatcherDriver postRecord(byte[] key, byte[] value, Headers headers) {
        posts.pipeInput(new TestRecord<>(key, value, headers, WALL_CLOCK));
        return this;
    }

    /** The triggers written since the last call. */
    public List<TestRecord<String, WebhookTrigger>> triggers() {
        return triggers.readRecordsToList();
    }

    /** The triggers of {@code event} alone: posts it, then reads what it produced. */
    public List<WebhookTrigger> triggersOf(PostEvent event) {
        triggers.readRecordsToList();
        post(event);
        return triggers().stream().map(TestRecord::value).toList();
    }

    /** Dead letters of both applications written since the last call. */
    public List<TestRecord<byte[], byte[]>> deadLetters() {
        List<TestRecord<byte[], byte[]>> all = new ArrayList<>(matcherDeadLetters.readRecordsToList());
        all.addAll(auditDeadLetters.readRecordsToList());
        return all;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        matcher.close();
        audit.close();
    }
}
