package io.hookline.bench;

import io.hookline.kafkatest.StageProcess;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The usual deployment: every hook calls one bot server. The matcher, dispatcher and ingestor run as three processes
 * with the dispatcher's default budgets and retry schedule; {@link #HOOKS} team-wide hooks on one trigger word all call
 * one endpoint host, so each matching post is {@link #HOOKS} deliveries to that host. After a warm-up batch (all
 * replies awaited), the measured posts are written at once, far faster than the host takes them: the host's queue
 * fills, and every delivery must still be made on its first attempt, none shed, set aside or retried. The rate is the
 * dispatcher's, from the first attempt to the last outcome of the measured deliveries, against the same
 * {@code CallbackClient} alone with the same per-host budget against the same host.
 *
 * <p>The host answers at once (a fast bot server, as the issue measured it): whatever bounds the pipeline, it is not
 * the host, so the comparison says what the pipeline costs next to the client alone with the same per-host budget
 * against the same host, in the same run.
 */
final class OneHostScenario {

    static final int PER_HOST = 64;
    static final int ENDPOINT_DELAY_MS = 0;
    /** Threads of the endpoint (as the other fast endpoints of the bench). */
    private static final int ENDPOINT_THREADS = 8;
    static final int HOOKS = 10;
    private static final int CHANNELS = 200;
    private static final int WARMUP_POSTS = 300;
    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final String TEAM = Ids.deterministic("one-host-team");

    private OneHostScenario() {
    }

    /** {@code deliveries} deliveries ({@code deliveries / HOOKS} posts) to one host through the whole pipeline. */
    static Row run(BenchKafka kafka, int deliveries) throws Exception {
        try (Endpoints host = new Endpoints().add(1, ENDPOINT_DELAY_MS, ENDPOINT_THREADS)) {
            String url = host.urls().get(0);
            DeliveryScenarios.Alone alone = DeliveryScenarios.clientAlone(List.of(url), deliveries, PER_HOST,
                    2_000);
            Map<String, String> settings = kafka.newRun("one-host", Map.of(
                    "hookline.dispatcher.max-in-flight-per-host", Integer.toString(PER_HOST)));
            Topics topics = TopicSettings.topics(kafka.config(settings));
            try (SetupWriter writer = kafka.setupWriter(0)) {
                for (int h = 0; h < HOOKS; h++) {
                    writer.sendHook(topics, BenchHooks.teamHook(Ids.deterministic("one-host-hook", "" + h), TEAM,
                            List.of(url), "Bot " + h));
                }
            }
            List<StageProcess> stages = new ArrayList<>();
            try {
                for (String stage : BenchKafka.pipelineStages()) {
                    stages.add(kafka.stage(stage, settings));
                }
                Map<String, ProcessHandle> processes = new LinkedHashMap<>();
                for (StageProcess s : stages) {
                    processes.put(s.name(), s.handle());
                }
                return measure(kafka, topics, deliveries / HOOKS, alone, processes);
            } finally {
                for (int i = stages.size() - 1; i >= 0; i--) {
                    stages.get(i).close();
                }
            }
        }
    }

    /**
     * @param stages the stage processes by name, whose CPU per delivery is measured from the moment the measured posts
     *               are written until their last reply is readable (with the broker's and the bench's, next to the
     *               client alone's): on a shared 2-core machine the rates follow the CPU each delivery costs
     */
    private static Row measure(BenchKafka kafka, Topics topics, int posts, DeliveryScenarios.Alone alone,
                               Map<String, ProcessHandle> stages) throws Exception {
        Map<String, String> replyPost = new ConcurrentHashMap<>(); // delivery id -> post id, once its reply is readable
        Map<String, Long> replyAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> CommandClock.read(kafka, topics.postCommands().name(), reading,
                (c, now) -> {
                    if (PostCommand.CREATE_POST.equals(c.type()) && c.origin() != null) {
                        replyPost.putIfAbsent(c.origin().deliveryId(), c.origin().postId());
                        replyAt.putIfAbsent(c.origin().deliveryId(), now);
                    }
                }), "one-host-reader");
        reader.start();
        try {
            Set<String> warm = write(kafka, topics, "warm", WARMUP_POSTS);
            awaitReplies(replyPost, warm, WARMUP_POSTS * HOOKS, 180);
            Map<String, Long> stageCpu = new LinkedHashMap<>();
            stages.forEach((name, p) -> stageCpu.put(name, CpuMeter.cpuNanos(p)));
            Map<String, Map<String, Long>> jitBefore = CpuMeter.jitByProcess(stages);
            CpuMeter.Sample before = CpuMeter.sample(List.of());
            long t0 = System.nanoTime();
            Set<String> measured = write(kafka, topics, "post", posts);
            int expected = posts * HOOKS;
            awaitReplies(replyPost, measured, expected, 300);
            CpuMeter.Sample used = CpuMeter.sample(List.of()).minus(before);
            Map<String, Double> jit = CpuMeter.jitMicrosEach(jitBefore, CpuMeter.jitByProcess(stages), expected);
            Map<String, Object> cpu = new LinkedHashMap<>();
            double pipeline = 0;
            for (var e : stages.entrySet()) {
                double us = CpuMeter.micros(CpuMeter.cpuNanos(e.getValue()) - stageCpu.get(e.getKey()), expected);
                cpu.put(e.getKey(), Math.round(us));
                pipeline += us;
            }
            double brokerUs = CpuMeter.micros(used.broker(), expected);
            double endpointUs = CpuMeter.micros(used.endpoints(), expected);
            double clientUs = CpuMeter.micros(alone.clientNanos(), alone.n());
            double clientEndpointUs = CpuMeter.micros(alone.endpointNanos(), alone.n());
            pipeline += brokerUs;
            cpu.put("broker", Math.round(brokerUs));
            cpu.put("pipeline_total", Math.round(pipeline));
            cpu.put("endpoint", Math.round(endpointUs));
            cpu.put("bench_writer_and_reader", Math.round(CpuMeter.micros(used.bench(), expected)));
            cpu.put("client_alone", Math.round(clientUs));
            cpu.put("client_alone_endpoint", Math.round(clientEndpointUs));
            double ceiling = ratioCeiling(clientUs, clientEndpointUs, endpointUs, brokerUs);
            long lastReply = replyAt.entrySet().stream().filter(e -> measured.contains(replyPost.get(e.getKey())))
                    .mapToLong(Map.Entry::getValue).max().orElse(t0);
            double replies = expected / ((lastReply - t0) / 1e9);

            Outcomes o = outcomes(kafka, topics.webhookResponses().name(), measured, expected);
            long retriesTopic = records(kafka, topics.webhookRetries().name());
            double rate = expected * 1000.0 / Math.max(1, o.lastCompleted() - o.firstAttempt());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("deliveries", expected);
            d.put("posts", posts);
            d.put("hooks", HOOKS);
            d.put("per_host", PER_HOST);
            d.put("endpoint_delay_ms", ENDPOINT_DELAY_MS);
            // every delivery beyond its first attempt, set aside or shed passes through webhook-retries
            d.put("shed", retriesTopic);
            d.put("webhook_retries_records", retriesTopic);
            d.put("retry_attempts", o.extraAttempts());
            d.put("failed", o.failed());
            d.put("replies_per_s_end_to_end", Math.round(replies));
            d.put("dispatcher_ms", o.lastCompleted() - o.firstAttempt());
            d.put("client_alone_per_s", Math.round(alone.perSecond()));
            d.put("cpu_us_per_delivery", cpu);
            d.put("ratio_ceiling_on_shared_cores", Math.round(ceiling * 100) / 100.0);
            d.put("jit_us_per_delivery", jit);
            System.out.printf("  one-host: %d deliveries, shed %d (webhook-retries records), retry attempts %d, "
                            + "failed %d; dispatcher %.0f/s, replies end to end %.0f/s, client alone %.0f/s%n",
                    expected, retriesTopic, o.extraAttempts(), o.failed(), rate, replies, alone.perSecond());
            System.out.println("  one-host CPU us per delivery: " + cpu + "; of which JIT compilers " + jit);
            System.out.printf("  one-host: the broker's CPU alone caps the ratio at %.2f on these shared cores%n",
                    ceiling);
            return new Row("one-host", "pipeline, " + HOOKS + " hooks -> 1 fast host, shed " + retriesTopic
                    + BenchKafka.pipelineLayoutNote(), rate, "same CallbackClient alone, " + PER_HOST + " in flight",
                    alone.perSecond(), "/s", d);
        } finally {
            reading.set(false);
            reader.join(10_000);
        }
    }

    /**
     * The highest ratio to the client alone this run's CPU figures allow, were the stages to cost nothing beyond the
     * HTTP call. Both runs are CPU-bound on the same cores, so their rates stand as the inverse of the CPU per
     * delivery of everything on the machine. The client alone spends its call's CPU and its endpoint's; the pipeline
     * spends at least the same call (the dispatcher makes it with the same client), its own endpoint's and the
     * broker's, which carries each delivery as a trigger, an outcome and a command; the bench's writer and reader and
     * every stage's own work are left out, so the real ratio is lower.
     */
    static double ratioCeiling(double clientUs, double clientEndpointUs, double endpointUs, double brokerUs) {
        return (clientUs + clientEndpointUs) / (clientUs + endpointUs + brokerUs);
    }

    /** Writes {@code n} matching posts over {@link #CHANNELS} channels at once; returns their ids. */
    private static Set<String> write(BenchKafka kafka, Topics topics, String label, int n) throws Exception {
        Set<String> ids = new HashSet<>();
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(5)) {
            for (int i = 0; i < n; i++) {
                String channel = Ids.deterministic("one-host-channel", Integer.toString(i % CHANNELS));
                String postId = Ids.newId();
                ids.add(postId);
                Post post = new Post(postId, System.currentTimeMillis(), 0, 0, 0, Ids.deterministic("user"),
                        channel, "", BenchHooks.TRIGGER_WORD + " " + label + " " + i, "", Map.of(), List.of());
                PostEvent event = new PostEvent(post, new Channel(channel, "c", "C", Channel.OPEN, TEAM),
                        new Team(TEAM, "team", "Team"), new User(Ids.deterministic("user"), "bench"));
                producer.send(new ProducerRecord<>(topics.posts().name(), bytes(channel), POSTS.toBytes(event)));
            }
            producer.flush();
        }
        return ids;
    }

    private static void awaitReplies(Map<String, String> replyPost, Set<String> posts, int expected, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long seen = 0;
        while (System.nanoTime() < deadline) {
            seen = replyPost.values().stream().filter(posts::contains).count();
            if (seen >= expected) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("only " + seen + " of " + expected + " replies within " + seconds + " s");
    }

    private record Outcomes(long firstAttempt, long lastCompleted, int failed, int extraAttempts) {
    }

    /** The measured deliveries' outcomes (one per delivery id): first attempt, last outcome, failures, retries. */
    private static Outcomes outcomes(BenchKafka kafka, String topic, Set<String> posts, int expected) {
        Map<String, DeliveryOutcome> byDelivery = new HashMap<>();
        kafka.forEachOutcome(topic, o -> {
            if (!o.isInteraction() && posts.contains(o.trigger().payload().postId())) {
                byDelivery.putIfAbsent(o.deliveryId(), o);
            }
        });
        if (byDelivery.size() < expected) {
            throw new IllegalStateException("only " + byDelivery.size() + " of " + expected + " outcomes");
        }
        long first = Long.MAX_VALUE;
        long last = 0;
        int failed = 0;
        int extra = 0;
        for (DeliveryOutcome o : byDelivery.values()) {
            if (!o.attempts().isEmpty()) {
                first = Math.min(first, o.attempts().get(0).startedAt());
            }
            last = Math.max(last, o.completedAt());
            failed += o.succeeded() ? 0 : 1;
            extra += Math.max(0, o.attempts().size() - 1);
        }
        return new Outcomes(first, last, failed, extra);
    }

    /** Records now on {@code topic} (end offsets, every partition). */
    private static long records(BenchKafka kafka, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (int p = 0; p < BenchKafka.PARTITIONS; p++) {
                parts.add(new TopicPartition(topic, p));
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(parts, Duration.ofSeconds(30));
            return consumer.endOffsets(parts, Duration.ofSeconds(30)).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
