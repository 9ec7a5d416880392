package io.hookline.bench;

import io.hookline.runtime.streams.StreamsApp;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.MatcherService;
import io.hookline.matcher.MatcherTopology;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Matcher throughput (posts/s) with 10 and with 10,000 hooks, next to a pass-through topology (parse and re-serialise
 * each post, same Streams settings: exactly-once) over the same kind of posts, 10 % of them matching. Each run
 * consumes a pre-filled topic; the rate is taken between 10 % and 90 % of the input committed, so start-up is left
 * out.
 */
final class MatcherScenario {

    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final int HOOKS_PER_TEAM = 10;
    private int passThroughRuns;
    private int matcherRuns;

    private MatcherScenario() {
    }

    static List<Row> run(BenchKafka kafka, int posts) throws Exception {
        return new MatcherScenario().runRounds(kafka, posts);
    }

    private List<Row> runRounds(BenchKafka kafka, int posts) throws Exception {
        Map<String, String> s10 = fill(kafka, "matcher10", 10, posts);
        Map<String, String> s10k = fill(kafka, "matcher10k", 10_000, posts);
        // two interleaved rounds, best of each: the first runs also pay for the JIT and cold page cache
        double passThrough = 0;
        double m10 = 0;
        double m10k = 0;
        for (int round = 0; round < 2; round++) {
            passThrough = Math.max(passThrough, passThrough(kafka, s10, posts));
            m10 = Math.max(m10, matcher(kafka, s10, posts));
            m10k = Math.max(m10k, matcher(kafka, s10k, posts));
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("posts_per_run", posts);
        d.put("matching_share", 0.10);
        d.put("processing_guarantee", "exactly_once_v2");
        d.put("rounds", "2, best of each");
        return List.of(
                new Row("matcher", "matcher, 10 hooks", m10, "pass-through topology", passThrough, "posts/s", d),
                new Row("matcher", "matcher, 10,000 hooks", m10k, "pass-through topology", passThrough, "posts/s",
                        d),
                new Row("matcher", "matcher, 10,000 hooks", m10k, "matcher, 10 hooks", m10, "posts/s", d));
    }

    /** Hooks: team-wide, trigger word {@code w<i>}, {@value HOOKS_PER_TEAM} per team (fewer teams for 10 hooks). */
    private static Map<String, String> fill(BenchKafka kafka, String name, int hooks, int posts) throws Exception {
        Map<String, String> settings = kafka.newRun(name, Map.of());
        Topics topics = TopicSettings.topics(kafka.config(settings));
        int teams = Math.max(1, hooks / HOOKS_PER_TEAM);
        SplittableRandom random = new SplittableRandom(42);
        try (SetupWriter writer = kafka.setupWriter(20)) {
            for (int i = 0; i < hooks; i++) {
                String id = Ids.deterministic(name, "hook", Integer.toString(i));
                OutgoingWebhook hook = new OutgoingWebhook(id, Ids.deterministic(name, "token", Integer.toString(i)),
                        1, 1, 0, Ids.deterministic("creator"), "", team(i % teams), List.of("w" + i), 0,
                        List.of("http://127.0.0.1:9/hook"), "Bench " + i, "", ContentTypes.JSON, "", "", null);
                writer.sendHook(topics, hook);
            }
            for (int i = 0; i < posts; i++) {
                int teamIndex = random.nextInt(teams);
                // a hook of this team: hook indexes teamIndex, teamIndex + teams, ...
                int hook = teamIndex + teams * random.nextInt(Math.max(1, hooks / teams));
                boolean matches = random.nextInt(10) == 0;
                String channel = Ids.deterministic("channel", Integer.toString(random.nextInt(1_000)));
                Post post = new Post(Ids.deterministic(name, "post", Integer.toString(i)), 1_764_150_000_000L + i, 0,
                        0, 0, Ids.deterministic("user"), channel, "", (matches ? "w" + hook : "chat") + " about things",
                        "", Map.of(), List.of());
                PostEvent event = new PostEvent(post, new Channel(channel, "channel", "Channel", Channel.OPEN,
                        team(teamIndex)), new Team(team(teamIndex), "team", "Team"),
                        new User(Ids.deterministic("user"), "bench"));
                writer.send(topics.posts().name(), bytes(channel), POSTS.toBytes(event));
            }
        }
        return settings;
    }

    private static String team(int i) {
        return Ids.deterministic("team", Integer.toString(i));
    }

    private double matcher(BenchKafka kafka, Map<String, String> settings, int posts) throws Exception {
        // a fresh application id per run, so each run reads the posts from the start
        HooklineConfig config = kafka.config(BenchKafka.stageSettings("matcher", settings)).with(
                "hookline.application-id-prefix",
                settings.get("hookline.application-id-prefix") + "-r" + (++matcherRuns));
        Topics topics = TopicSettings.topics(config);
        Topology topology = MatcherTopology.build(new StreamsBuilder(), config, topics);
        return measure(kafka, topology, MatcherService.MATCHER_APP.properties(config), topics.posts().name(), posts);
    }

    private double passThrough(BenchKafka kafka, Map<String, String> settings, int posts) throws Exception {
        HooklineConfig config = kafka.config(BenchKafka.stageSettings("matcher", settings));
        Topics topics = TopicSettings.topics(config);
        Topology topology = new Topology();
        topology.addSource("bench-posts-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.posts().name());
        topology.addProcessor("bench-pass-through", PassThrough::new, "bench-posts-source");
        // into the triggers topic: the same output path as the matcher, never read by anything here
        topology.addSink("bench-out-sink", topics.webhookTriggers().name(), new ByteArraySerializer(),
                new ByteArraySerializer(), "bench-pass-through");
        StreamsApp app = StreamsApp.secondary("matcher", "pass-through-" + (++passThroughRuns));
        return measure(kafka, topology, app.properties(config), topics.posts().name(), posts);
    }

    /** Parses, checks and re-serialises every post: the floor any matcher pays. */
    private static final class PassThrough implements Processor<byte[], byte[], byte[], byte[]> {
        private ProcessorContext<byte[], byte[]> context;

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            PostEvent event = POSTS.fromBytes(record.value());
            if (event.problems().isEmpty()) {
                context.forward(record.withValue(POSTS.toBytes(event)));
            }
        }
    }

    private static double measure(BenchKafka kafka, Topology topology, Properties props, String postsTopic,
                                  int count) throws Exception {
        String group = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        long t10 = 0;
        long t90 = 0;
        long c10 = 0;
        long c90 = 0;
        try (KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (System.nanoTime() < deadline && t90 == 0) {
                long committed = committed(kafka, group, postsTopic);
                long now = System.nanoTime();
                if (t10 == 0 && committed >= count / 10) {
                    t10 = now;
                    c10 = committed;
                }
                if (committed >= count * 9L / 10) {
                    t90 = now;
                    c90 = committed;
                }
                Thread.sleep(50);
            }
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        if (t90 == 0 || t90 == t10) {
            throw new IllegalStateException(group + " did not get through 90 % of the posts in 5 minutes");
        }
        return (c90 - c10) / ((t90 - t10) / 1e9);
    }

    private static long committed(BenchKafka kafka, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = kafka.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                sum += e.getValue().offset();
            }
        }
        return sum;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
