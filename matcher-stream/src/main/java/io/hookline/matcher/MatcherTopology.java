package io.hookline.matcher;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.rule.PostMatcher;
import io.hookline.matcher.stream.HookTableUpdater;
import io.hookline.matcher.stream.LiveHookStore;
import io.hookline.matcher.stream.PostMatchingProcessor;
import io.hookline.matcher.trigger.Triggering;
import io.hookline.schemas.topic.Topics;
import java.util.function.UnaryOperator;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;

/**
 * The matcher's topology: {@code posts} (bytes) matched against a global table of valid hooks built from
 * {@code webhook-configs}; matches go to {@code webhook-triggers}, malformed posts to {@code dead-letters}.
 *
 * <p>The hook table is a global store because posts are keyed by channel and hooks by hook id, and a hook without a
 * channel applies to every channel of its team: every task must see every hook. It is a {@link LiveHookStore}, in
 * memory, so every start restores it by reprocessing the whole (compacted) config topic through
 * {@link HookTableUpdater}: every record is decided again and the index is rebuilt before matching starts. The post
 * matcher reaches it by name, like any state store.
 *
 * <p>Invalid config records are dead-lettered by a separate application ({@link ConfigAuditTopology}): Kafka Streams
 * refuses one topic as the source of both a global store and a stream in one topology, and a global processor cannot
 * forward.
 *
 * <p>Every node and store is named explicitly; the topology has no internal topics.
 */
public final class MatcherTopology {

    public static final String HOOK_STORE = "matcher-hook-table";
    public static final String HOOK_SOURCE = "matcher-webhook-configs-source";
    public static final String HOOK_TABLE_UPDATER = "matcher-hook-table-updater";
    public static final String POSTS_SOURCE = "matcher-posts-source";
    public static final String POST_MATCHER = "matcher-post-matcher";
    public static final String TRIGGERS_SINK = "matcher-webhook-triggers-sink";
    public static final String DEAD_LETTERS_SINK = "matcher-dead-letters-sink";

    private MatcherTopology() {
    }

    /**
     * Adds the matcher to the topology of {@code builder} and returns it. Reads
     * {@code hookline.enable-outgoing-webhooks}; topic names come from {@code topics}.
     */
    public static Topology build(StreamsBuilder builder, HooklineConfig config, Topics topics) {
        return build(builder, config, topics, UnaryOperator.identity());
    }

    /**
     * The same, with {@code around} wrapped around the matching of each post: the seam through which a test makes
     * matching fail unexpectedly for chosen posts, in the real topology.
     */
    static Topology build(StreamsBuilder builder, HooklineConfig config, Topics topics,
            UnaryOperator<Triggering> around) {
        boolean enabled = config.getBoolean(MatcherSettings.ENABLE_OUTGOING_WEBHOOKS);
        Topology topology = builder.build();
        topology.addGlobalStore(LiveHookStore.builder(HOOK_STORE), HOOK_SOURCE, new StringDeserializer(),
                new ByteArrayDeserializer(), topics.webhookConfigs().name(), HOOK_TABLE_UPDATER,
                () -> new HookTableUpdater(HOOK_STORE));
        topology.addSource(POSTS_SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.posts().name());
        topology.addProcessor(POST_MATCHER,
                () -> new PostMatchingProcessor(HOOK_STORE,
                        index -> around.apply(Triggering.by(new PostMatcher(index, enabled))),
                        TRIGGERS_SINK, DEAD_LETTERS_SINK),
                POSTS_SOURCE);
        topology.addSink(TRIGGERS_SINK, topics.webhookTriggers().name(), new StringSerializer(),
                topics.webhookTriggers().valueSerde().serializer(), POST_MATCHER);
        topology.addSink(DEAD_LETTERS_SINK, topics.deadLetters().name(), new ByteArraySerializer(),
                new ByteArraySerializer(), POST_MATCHER);
        return topology;
    }
}
