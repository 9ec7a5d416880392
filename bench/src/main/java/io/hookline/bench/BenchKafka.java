package io.hookline.bench;

import io.hookline.kafkatest.StageProcess;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicProvisioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** The broker the bench runs against, and what every scenario needs from it: isolated topics, producers, groups. */
final class BenchKafka implements AutoCloseable {

    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);

    static final int PARTITIONS = 6;

    private final String bootstrap;
    private final Admin admin;
    private final Path workDir;
    private int runs;

    BenchKafka(String bootstrap, Path workDir) {
        this.bootstrap = bootstrap;
        this.workDir = workDir;
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    String bootstrap() {
        return bootstrap;
    }

    Admin admin() {
        return admin;
    }

    Path workDir() {
        return workDir;
    }

    /** Settings of one isolated run: its own topic names and application ids; topics created. */
    Map<String, String> newRun(String name, Map<String, String> extra) throws Exception {
        String prefix = "bench-" + name + "-" + (++runs);
        Map<String, String> s = new LinkedHashMap<>();
        s.put("hookline.application-id-prefix", prefix);
        for (String t : Topics.LOGICAL_NAMES) {
            s.put("hookline.topic." + t, prefix + "-" + t);
        }
        s.put("hookline.topic-partitions", Integer.toString(PARTITIONS));
        s.put("hookline.allowed-untrusted-internal-connections", "127.0.0.1");
        s.put("state.dir", workDir.resolve("state").toString());
        s.putAll(extra);
        HooklineConfig config = config(s);
        // returns once every partition is served: setup writes right after lose nothing
        new TopicProvisioner(admin, config).ensure(TopicSettings.topics(config));
        return s;
    }

    HooklineConfig config(Map<String, String> settings) {
        return HooklineConfig.of(settings).with("bootstrap.servers", bootstrap);
    }

    KafkaProducer<byte[], byte[]> producer(int lingerMs) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, lingerMs,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A writer for a run's setup records that fails the run if one is not written. */
    SetupWriter setupWriter(int lingerMs) {
        return new SetupWriter(producer(lingerMs));
    }

    /** Extra JVM options for stage processes, whitespace-separated (e.g. {@code -XX:StartFlightRecording=...}). */
    static final String STAGE_JVM_OPTIONS_PROPERTY = "bench.stage-jvm-options";

    /** {@code -Dbench.one-jvm=true}: pipelines run in one {@code hookline up} process against the bench's broker. */
    static final String ONE_JVM_PROPERTY = "bench.one-jvm";

    /**
     * The stage processes a pipeline scenario starts: one per stage, as when each stage is scaled out, or with
     * {@link #ONE_JVM_PROPERTY} one {@code hookline up} process running them all, as the quick start does.
     */
    static List<String> pipelineStages() {
        return Boolean.getBoolean(ONE_JVM_PROPERTY) ? List.of("up") : List.of("matcher", "dispatcher", "ingestor");
    }

    /** What a result row adds to its description for {@link #pipelineStages()}'s layout. */
    static String pipelineLayoutNote() {
        return Boolean.getBoolean(ONE_JVM_PROPERTY) ? ", stages in one JVM" : "";
    }

    /** A stage process started and ready, with the JIT and collector it has in production. */
    StageProcess stage(String stage, Map<String, String> settings) {
        List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        jvmOptions.addAll(stageJvmOptions(stage, System.getProperty(STAGE_JVM_OPTIONS_PROPERTY, "")));
        return new StageProcess(stage, bootstrap, stageSettings(stage, settings), jvmOptions, workDir.resolve("logs"))
                .start(Duration.ofSeconds(180));
    }

    /**
     * The options of {@link #STAGE_JVM_OPTIONS_PROPERTY} for {@code stage}: whitespace-separated, each for every stage,
     * or {@code stage:option} for one (e.g. {@code matcher:-XX:AOTCache=matcher.aot}).
     */
    static List<String> stageJvmOptions(String stage, String property) {
        List<String> options = new ArrayList<>();
        for (String item : items(property)) {
            StageItem parsed = StageItem.parse(item);
            if (parsed.appliesTo(stage)) {
                options.add(parsed.value());
            }
        }
        return options;
    }

    /**
     * One item of a per-stage list: {@code value} for every stage, or {@code stage:value} for that stage only.
     *
     * @param stage the stage named, null for every stage
     */
    private record StageItem(String stage, String value) {

        private static final Pattern STAGE_PREFIX = Pattern.compile("([a-z][a-z-]*):(.+)");

        static StageItem parse(String item) {
            Matcher m = STAGE_PREFIX.matcher(item);
            return m.matches() ? new StageItem(m.group(1), m.group(2)) : new StageItem(null, item);
        }

        boolean appliesTo(String name) {
            return stage == null || stage.equals(name);
        }
    }

    private static String[] items(String whitespaceSeparated) {
        String trimmed = whitespaceSeparated.trim();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    /**
     * Extra settings for stage processes, whitespace-separated {@code key=value}, or {@code stage:key=value} for one
     * stage only (e.g. {@code ingestor:commit.interval.ms=20}): how a setting's effect is measured without a rebuild.
     */
    static final String STAGE_SETTINGS_PROPERTY = "bench.stage-settings";

    static Map<String, String> stageSettings(String stage, Map<String, String> settings) {
        Map<String, String> merged = new LinkedHashMap<>(settings);
        for (String item : items(System.getProperty(STAGE_SETTINGS_PROPERTY, ""))) {
            // checked whichever stage it names, so that a typo fails every run
            StageItem parsed = StageItem.parse(item);
            String setting = parsed.value();
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(STAGE_SETTINGS_PROPERTY + ": '" + item
                        + "' is not key=value or stage:key=value");
            }
            if (parsed.appliesTo(stage)) {
                merged.put(setting.substring(0, eq), setting.substring(eq + 1));
            }
        }
        return merged;
    }

    /** Waits until consumer group {@code group} is stable with {@code members} members that all have partitions. */
    void awaitGroup(String group, int members, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            ConsumerGroupDescription d;
            try {
                d = admin.describeConsumerGroups(List.of(group)).all().get(30, TimeUnit.SECONDS).get(group);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.GroupIdNotFoundException)) {
                    throw e;
                }
                d = null; // the group exists once its first member joins
            }
            if (d != null && d.members().size() == members && "STABLE".equals(d.groupState().name())
                    && d.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("group " + group + " not stable with " + members + " members in " + timeout);
    }

    /** Every delivery outcome now on {@code topic}, read to its current end (at most 60 s), in partition order. */
    void forEachOutcome(String topic, Consumer<DeliveryOutcome> each) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                parts.add(new TopicPartition(topic, p));
            }
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> end = consumer.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    each.accept(OUTCOMES.fromBytes(r.value()));
                }
            }
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
