package io.hookline.matcher.bench;

import io.hookline.runtime.streams.StreamsApp;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.localkafka.LocalKafka;
import io.hookline.matcher.MatcherService;
import io.hookline.matcher.MatcherTopology;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
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
 * End-to-end throughput of the matcher on a real local broker, next to a pass-through topology that parses and
 * re-serialises the same post JSON, in the same run: posts/s with 10 hooks and with 10,000 hooks over 1,000 teams,
 * 10 % of the posts matching. Each run consumes a pre-filled topic from the start; the rate is measured between 10 %
 * and 90 % of the input committed, so start-up and rebalancing are left out. Two rounds; the best of each is kept.
 *
 * <p>Run by hand (see the README): {@code [posts per topic, default 150000] [rounds, default 2]}.
 */
public final class MatcherThroughputBench {

    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final int PARTITIONS = 2;

    private final String bootstrap;
    private final Path stateRoot;
    private final Admin admin;
    private int runs;

    private MatcherThroughputBench(String bootstrap, Path stateRoot) {
        this.bootstrap = bootstrap;
        this.stateRoot = stateRoot;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path dir = Files.createTempDirectory("matcher-bench");
        try (LocalKafka kafka = LocalKafka.start(dir.resolve("kafka"))) {
            MatcherThroughputBench bench = new MatcherThroughputBench(kafka.bootstrapServers(), dir.resolve("state"));
            bench.run(count, rounds);
            bench.admin.close();
        }
    }

    private void run(int count, int rounds) throws Exception {
        Map<Integer, String> postTopics = new LinkedHashMap<>();
        Map<Integer, String> configTopics = new LinkedHashMap<>();
        for (int hooks : new int[] {10, 10_000}) {
            postTopics.put(hooks, "bench-posts-" + hooks);
            configTopics.put(hooks, "bench-configs-" + hooks);
            admin.createTopics(List.of(new NewTopic(postTopics.get(hooks), PARTITIONS, (short) 1),
                    new NewTopic(configTopics.get(hooks), 1, (short) 1).configs(
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                    .all().get();
            List<PostEvent> posts = BenchData.posts(count, hooks, 0.10, hooks);
            fill(configTopics.get(hooks), BenchData.hooks(hooks).stream()
                    .map(h -> Map.entry(h.id(), HOOKS.toBytes(h))).toList());
            fill(postTopics.get(hooks), posts.stream()
                    .map(p -> Map.entry(p.post().channelId(), POSTS.toBytes(p))).toList());
            System.out.printf(Locale.ROOT, "filled %s: %d posts, %d bytes on average; %s: %d hooks%n",
                    postTopics.get(hooks), count, posts.stream().mapToInt(p -> POSTS.toBytes(p).length).sum() / count,
                    configTopics.get(hooks), hooks);
        }

        Map<String, Double> best = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (int hooks : new int[] {10, 10_000}) {
                record(best, "pass-through (posts of the " + hooks + "-hook run)",
                        passThrough(postTopics.get(hooks), count));
                record(best, "matcher, " + hooks + " hooks",
                        matcher(postTopics.get(hooks), configTopics.get(hooks), count));
            }
        }
        System.out.println();
        System.out.println("best of " + rounds + " rounds, " + count + " posts per run, 10 % matching:");
        best.forEach((name, rate) -> System.out.printf(Locale.ROOT, "  %-40s %,10.0f posts/s%n", name, rate));
        double pt10 = best.get("pass-through (posts of the 10-hook run)");
        double pt10k = best.get("pass-through (posts of the 10000-hook run)");
        double m10 = best.get("matcher, 10 hooks");
        double m10k = best.get("matcher, 10000 hooks");
        System.out.printf(Locale.ROOT, "  matcher 10 hooks / pass-through:        %.2f (target >= 0.9)%n", m10 / pt10);
        System.out.printf(Locale.ROOT, "  matcher 10,000 hooks / pass-through:    %.2f (target >= 0.9)%n", m10k / pt10k);
        System.out.printf(Locale.ROOT, "  matcher 10,000 hooks / 10 hooks:        %.2f (target >= 0.9)%n", m10k / m10);
    }

    private static void record(Map<String, Double> best, String name, double rate) {
        System.out.printf(Locale.ROOT, "  %-40s %,10.0f posts/s%n", name, rate);
        best.merge(name, rate, Math::max);
    }

    private void fill(String topic, List<Map.Entry<String, byte[]>> records) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (Map.Entry<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.getKey().getBytes(StandardCharsets.UTF_8), r.getValue()));
            }
            producer.flush();
        }
    }

    private HooklineConfig config(String applicationPrefix, String posts, String configs) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("bootstrap.servers", bootstrap);
        values.put("hookline.application-id-prefix", applicationPrefix);
        values.put("hookline.topic.posts", posts);
        values.put("hookline.topic.webhook-configs", configs);
        values.put("hookline.topic.webhook-triggers", applicationPrefix + "-triggers");
        values.put("hookline.topic.dead-letters", applicationPrefix + "-dead-letters");
        values.put(StreamsConfig.STATE_DIR_CONFIG, stateRoot.resolve(applicationPrefix).toString());
        return HooklineConfig.of(values);
    }

    private double matcher(String posts, String configs, int count) throws Exception {
        String prefix = "bench-run-" + (++runs);
        HooklineConfig config = config(prefix, posts, configs);
        Topics topics = TopicSettings.topics(config);
        createOutputs(topics.webhookTriggers().name(), topics.deadLetters().name());
        Topology topology = MatcherTopology.build(new StreamsBuilder(), config, topics);
        double rate = measure(topology, MatcherService.MATCHER_APP.properties(config), posts, count);
        long triggers = countRecords(topics.webhookTriggers().name());
        System.out.printf(Locale.ROOT, "    (%d triggers, %.1f %% of the posts)%n", triggers, 100.0 * triggers / count);
        return rate;
    }

    private double passThrough(String posts, int count) throws Exception {
        String prefix = "bench-run-" + (++runs);
        HooklineConfig config = config(prefix, posts, "unused");
        String out = prefix + "-out";
        createOutputs(out);
        Topology topology = new Topology();
        topology.addSource("bench-posts-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), posts);
        topology.addProcessor("bench-pass-through", PassThrough::new, "bench-posts-source");
        topology.addSink("bench-out-sink", out, new ByteArraySerializer(), new ByteArraySerializer(),
                "bench-pass-through");
        return measure(topology, StreamsApp.secondary("matcher", "pass-through").properties(config), posts, count);
    }

    /** Parses and re-serialises every post, checking it like the matcher does: the floor any matcher pays. */
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

    private void createOutputs(String... names) throws Exception {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : names) {
            topics.add(new NewTopic(name, PARTITIONS, (short) 1));
        }
        admin.createTopics(topics).all().get();
    }

    private double measure(Topology topology, Properties props, String posts, int count) throws Exception {
        String group = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
        KafkaStreams streams = new KafkaStreams(topology, props);
        streams.start();
        long t10 = 0;
        long t90 = 0;
        long c10 = 0;
        long c90 = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                long committed = committed(group, posts);
                long now = System.nanoTime();
                if (t10 == 0 && committed >= count / 10) {
                    t10 = now;
                    c10 = committed;
                }
                if (t90 == 0 && committed >= count * 9L / 10) {
                    t90 = now;
                    c90 = committed;
                }
                if (committed >= count) {
                    break;
                }
                Thread.sleep(50);
            }
        } finally {
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        if (t90 == 0) {
            throw new IllegalStateException(group + " did not get through 90 % of the posts in 10 minutes");
        }
        return (c90 - c10) / ((t90 - t10) / 1e9);
    }

    private long committed(String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : offsets.entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                sum += e.getValue().offset();
            }
        }
        return sum;
    }

    private long countRecords(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.GROUP_ID_CONFIG, topic + "-count"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long n = 0;
            int emptyPolls = 0;
            while (emptyPolls < 5) {
                int got = consumer.poll(Duration.ofMillis(500)).count();
                n += got;
                emptyPolls = got == 0 ? emptyPolls + 1 : 0;
            }
            return n;
        }
    }
}
