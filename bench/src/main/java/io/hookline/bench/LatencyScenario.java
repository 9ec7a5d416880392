package io.hookline.bench;

import io.hookline.kafkatest.StageProcess;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Post to post command latency through the whole pipeline (matcher, dispatcher, ingestor: three processes, exactly
 * once where Streams runs) at a fixed rate of posts, 10 % of them matching a hook whose endpoint answers at once.
 * Latency = when the {@code create_post} command became readable (read_committed) minus when the post was sent. The
 * first seconds (JIT, first fetches) are left out.
 */
final class LatencyScenario {

    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final String TEAM = Ids.deterministic("latency-team");

    private LatencyScenario() {
    }

    /**
     * The load: posts per second for {@code seconds}, the first {@code warmupSeconds} not counted, written by a
     * producer lingering {@code writerLingerMs} (the chat server's choice: 0 sends each post at once, Kafka's own
     * default is 5).
     */
    record Load(int postsPerSecond, int seconds, int warmupSeconds, int writerLingerMs) {
        Load {
            if (postsPerSecond < 1 || seconds < 1 || warmupSeconds < 0 || warmupSeconds >= seconds
                    || writerLingerMs < 0) {
                throw new IllegalArgumentException("latency load needs posts/s >= 1, seconds >= 1, 0 <= warm-up < "
                        + "seconds and writer linger >= 0 ms; got postsPerSecond=" + postsPerSecond + ", seconds="
                        + seconds + ", warmupSeconds=" + warmupSeconds + ", writerLingerMs=" + writerLingerMs);
            }
        }
    }

    static Row run(BenchKafka kafka, Load load) throws Exception {
        try (Endpoints fast = new Endpoints().add(1, 0, 16)) {
            Map<String, String> settings = kafka.newRun("latency", Map.of());
            Topics topics = TopicSettings.topics(kafka.config(settings));
            try (SetupWriter writer = kafka.setupWriter(0)) {
                writer.sendHook(topics, BenchHooks.teamHook(Ids.newId(), TEAM, fast.urls(), "Latency bot"));
            }
            List<StageProcess> stages = new ArrayList<>();
            try {
                for (String stage : BenchKafka.pipelineStages()) {
                    stages.add(kafka.stage(stage, settings));
                }
                Map<String, ProcessHandle> processes = new LinkedHashMap<>();
                stages.forEach(s -> processes.put(s.name(), s.handle()));
                return measure(kafka, topics, processes, load);
            } finally {
                for (int i = stages.size() - 1; i >= 0; i--) {
                    stages.get(i).close();
                }
            }
        }
    }

    private static Row measure(BenchKafka kafka, Topics topics, Map<String, ProcessHandle> stages,
                               Load load) throws Exception {
        int postsPerSecond = load.postsPerSecond();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> seenAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> CommandClock.read(kafka, topics.postCommands().name(), reading,
                (c, now) -> {
                    if (PostCommand.CREATE_POST.equals(c.type())) {
                        seenAt.putIfAbsent(c.origin().postId(), now);
                    }
                }), "latency-reader");
        reader.start();
        warmUp(kafka, topics, seenAt);
        int total = postsPerSecond * load.seconds();
        int matching = 0;
        long interval = TimeUnit.SECONDS.toNanos(1) / postsPerSecond;
        long start = System.nanoTime();
        long warmupEnd = start + TimeUnit.SECONDS.toNanos(load.warmupSeconds());
        List<String> measured = new ArrayList<>();
        Map<String, Long> cpuAtWarmupEnd = null;
        Map<String, Map<String, Long>> jitAtWarmupEnd = null;
        CpuMeter.MachineTicks machineAtWarmupEnd = null;
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(load.writerLingerMs())) {
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                boolean matches = i % 10 == 0;
                String channel = Ids.deterministic("latency-channel", Integer.toString(i % 60));
                String postId = Ids.newId();
                Post post = new Post(postId, System.currentTimeMillis(), 0, 0, 0, Ids.deterministic("user"), channel,
                        "", (matches ? BenchHooks.TRIGGER_WORD + " " : "chat ") + i, "", Map.of(), List.of());
                PostEvent event = new PostEvent(post, new Channel(channel, "c", "C", Channel.OPEN, TEAM),
                        new Team(TEAM, "team", "Team"), new User(Ids.deterministic("user"), "bench"));
                byte[] value = POSTS.toBytes(event);
                long now = System.nanoTime();
                if (cpuAtWarmupEnd == null && now >= warmupEnd) {
                    cpuAtWarmupEnd = CpuMeter.byProcess(stages);
                    jitAtWarmupEnd = CpuMeter.jitByProcess(stages);
                    machineAtWarmupEnd = CpuMeter.machine();
                }
                if (matches) {
                    matching++;
                    sentAt.put(postId, now);
                    if (now >= warmupEnd) {
                        measured.add(postId);
                    }
                }
                producer.send(new ProducerRecord<>(topics.posts().name(), bytes(channel), value));
            }
            producer.flush();
        }
        double achievedRate = total / ((System.nanoTime() - start) / 1e9);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!seenAt.keySet().containsAll(measured) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // CPU of the counted window: its posts and their replies (a reply still on its way at the end adds its share)
        Map<String, Long> cpuAtEnd = CpuMeter.byProcess(stages);
        Map<String, Map<String, Long>> jitAtEnd = CpuMeter.jitByProcess(stages);
        CpuMeter.MachineTicks machineAtEnd = CpuMeter.machine();
        reading.set(false);
        reader.join(10_000);
        long[] millis = measured.stream().filter(seenAt::containsKey)
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMillis(seenAt.get(id) - sentAt.get(id))).sorted().toArray();
        int missing = measured.size() - millis.length;
        int half = measured.size() / 2;
        long[] firstHalf = measured.subList(0, half).stream().filter(seenAt::containsKey)
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMillis(seenAt.get(id) - sentAt.get(id))).sorted().toArray();
        long[] secondHalf = measured.subList(half, measured.size()).stream().filter(seenAt::containsKey)
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMillis(seenAt.get(id) - sentAt.get(id))).sorted().toArray();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stage_processes", List.copyOf(stages.keySet()));
        d.put("posts_per_second_target", postsPerSecond);
        d.put("writer_linger_ms", load.writerLingerMs());
        d.put("posts_per_second_achieved", Math.round(achievedRate));
        d.put("posts", total);
        d.put("matching", matching);
        d.put("measured_after_warmup", millis.length);
        d.put("missing", missing);
        d.put("p50_ms", percentile(millis, 0.50));
        d.put("p99_ms", percentile(millis, 0.99));
        d.put("max_ms", millis.length == 0 ? -1 : millis[millis.length - 1]);
        // a second half much slower than the first means the pipeline fell behind the rate (a growing backlog)
        d.put("p50_first_half_ms", percentile(firstHalf, 0.50));
        d.put("p50_second_half_ms", percentile(secondHalf, 0.50));
        d.putAll(stageBreakdown(kafka, topics.webhookResponses().name(), Set.copyOf(measured)));
        if (cpuAtWarmupEnd != null && !measured.isEmpty()) {
            Map<String, Double> cpu = CpuMeter.microsEach(cpuAtWarmupEnd, cpuAtEnd, measured.size());
            double cpuTotal = Math.round(cpu.values().stream().mapToDouble(Double::doubleValue).sum() * 10) / 10.0;
            d.put("cpu_us_per_reply", cpu);
            d.put("cpu_us_per_reply_total", cpuTotal);
            // of which the JIT compilers: CPU that a young JVM spends once, not per reply
            Map<String, Double> jit = CpuMeter.jitMicrosEach(jitAtWarmupEnd, jitAtEnd, measured.size());
            d.put("jit_us_per_reply", jit);
            // near all of the machine's cores busy: the load and the compilers queue for CPU, and latency is queueing
            String busyNote = "";
            if (machineAtEnd.total() > 0) {
                int cores = Runtime.getRuntime().availableProcessors();
                double busy = machineAtEnd.busyCoresSince(machineAtWarmupEnd, cores);
                d.put("machine_busy_cores", Math.round(busy * 100) / 100.0);
                d.put("machine_cores", cores);
                busyNote = String.format(java.util.Locale.ROOT, "; the machine had %.2f of its %d cores busy", busy,
                        cores);
            }
            System.out.println("latency CPU per reply (" + measured.size() + " replies, " + (postsPerSecond / 10)
                    + " of " + postsPerSecond + " posts/s matching): total " + cpuTotal + " us = " + cpu
                    + "; of which JIT compilers " + jit + busyNote);
        }
        return new Row("latency", String.format(java.util.Locale.ROOT, "post -> create_post p50 (p99 %d, max %d)%s",
                percentile(millis, 0.99), millis.length == 0 ? -1 : millis[millis.length - 1],
                BenchKafka.pipelineLayoutNote()),
                percentile(millis, 0.50), "", 0, "ms", d);
    }

    /**
     * Sends a matching post every 200 ms until one comes back as a command: every stage has its partitions and has
     * done its first round trip before the measured load starts.
     */
    private static void warmUp(BenchKafka kafka, Topics topics, Map<String, Long> seenAt) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        List<String> sent = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(0)) {
            while (sent.stream().noneMatch(seenAt::containsKey)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no post came back as a command within 180 s");
                }
                String channel = Ids.deterministic("latency-channel", Integer.toString(sent.size() % 60));
                String postId = Ids.newId();
                Post post = new Post(postId, System.currentTimeMillis(), 0, 0, 0, Ids.deterministic("user"), channel,
                        "", BenchHooks.TRIGGER_WORD + " warm-up", "", Map.of(), List.of());
                producer.send(new ProducerRecord<>(topics.posts().name(), bytes(channel), POSTS.toBytes(
                        new PostEvent(post, new Channel(channel, "c", "C", Channel.OPEN, TEAM),
                                new Team(TEAM, "team", "Team"), new User(Ids.deterministic("user"), "bench")))));
                producer.flush();
                sent.add(postId);
                Thread.sleep(200);
            }
        }
        Thread.sleep(2_000); // let the warm-up tail drain
    }

    /**
     * Medians of where the time goes, from the outcomes' own timestamps (wall clock, same machine): post created ->
     * matched (matcher), matched -> first attempt (dispatcher queue), attempt (HTTP), and outcome -> command is
     * the rest (ingestor, transaction commits).
     */
    private static Map<String, Object> stageBreakdown(BenchKafka kafka, String responses, Set<String> postIds) {
        List<Long> matcher = new ArrayList<>();
        List<Long> queue = new ArrayList<>();
        List<Long> http = new ArrayList<>();
        kafka.forEachOutcome(responses, o -> {
            if (!o.isInteraction() && postIds.contains(o.trigger().payload().postId()) && !o.attempts().isEmpty()) {
                long created = o.trigger().payload().timestamp();
                matcher.add(o.trigger().triggeredAt() - created);
                queue.add(o.attempts().get(0).startedAt() - o.trigger().triggeredAt());
                http.add(o.completedAt() - o.attempts().get(0).startedAt());
            }
        });
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("p50_post_to_matched_ms", median(matcher));
        d.put("p50_matched_to_attempt_ms", median(queue));
        d.put("p50_attempt_ms", median(http));
        return d;
    }

    private static long median(List<Long> values) {
        return percentile(values.stream().mapToLong(Long::longValue).sorted().toArray(), 0.50);
    }

    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

}
