package io.hookline.bench;

import io.hookline.kafkatest.StageProcess;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.schemas.trigger.WebhookPayload;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Dispatcher processes against pre-built triggers: starts {@code workers} dispatcher processes, waits until their
 * group is stable, writes {@code n} triggers round-robin over the URLs (500 keys), and reads outcomes until every
 * delivery to a counted URL has one. The rate is measured from the first attempt to the last counted outcome, so
 * process start and group join are not counted.
 */
final class DispatcherRun {

    private static final JsonSerde<WebhookTrigger> TRIGGERS = JsonSerde.of(WebhookTrigger.class);
    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);
    private static final int KEYS = 500;

    /**
     * @param cpu CPU used from the moment the group was stable (before the triggers were written) to the last outcome
     * @param deliveries outcomes written in the run (counted or not)
     * @param uncountedByError outcomes of the URLs not counted (e.g. a dead endpoint) read by the time the counted
     *                         ones were all in, by error ({@code succeeded} for none)
     * @param warmup the uncounted warm-up through the same processes, measured the same way; null without one
     */
    record Result(double perSecond, int counted, int failed, long millis, CpuMeter.Sample cpu, int deliveries,
                  Map<String, Integer> uncountedByError, Result warmup) {
    }

    private DispatcherRun() {
    }

    static Map<String, String> settings(int inFlight, int perHost, int timeoutSeconds) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("hookline.dispatcher.max-in-flight", Integer.toString(inFlight));
        s.put("hookline.dispatcher.max-in-flight-per-host", Integer.toString(perHost));
        s.put("hookline.outgoing-integration-requests-timeout", Integer.toString(timeoutSeconds));
        s.put("hookline.dispatcher.retry-delays", ""); // first attempts only: a retry would stretch the run
        s.put("hookline.dispatcher.shutdown-grace", "1s");
        return s;
    }

    static Result run(BenchKafka kafka, String name, Map<String, String> extra, int workers, List<String> urls,
                      Set<String> counted, int n) throws Exception {
        return run(kafka, name, extra, workers, urls, counted, 0, n);
    }

    /**
     * As {@link #run(BenchKafka, String, Map, int, List, Set, int)}, after {@code warmup} deliveries through the same
     * processes (every one waited for) that are not counted: a fresh JVM spends much of its first seconds compiling,
     * and the client-alone baseline is measured warm.
     */
    static Result run(BenchKafka kafka, String name, Map<String, String> extra, int workers, List<String> urls,
                      Set<String> counted, int warmup, int n) throws Exception {
        Map<String, String> settings = kafka.newRun(name, extra);
        Topics topics = TopicSettings.topics(kafka.config(settings));
        List<StageProcess> processes = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> reader = reader(kafka, topics.webhookResponses().name());
             KafkaProducer<byte[], byte[]> producer = kafka.producer(5)) {
            // the dispatcher sends with the hooks as webhook-configs has them: they are there before it starts
            try (SetupWriter writer = kafka.setupWriter(5)) {
                for (OutgoingWebhook hook : hooks(urls)) {
                    writer.sendHook(topics, hook);
                }
            }
            for (int i = 0; i < workers; i++) {
                processes.add(kafka.stage("dispatcher", settings));
            }
            kafka.awaitGroup(settings.get("hookline.application-id-prefix") + "-dispatcher", workers,
                    Duration.ofSeconds(120));
            List<ProcessHandle> handles = processes.stream().map(StageProcess::handle).toList();
            Result warm = null;
            if (warmup > 0) {
                Set<String> all = Set.copyOf(urls);
                write(producer, topics, urls, all, -warmup, warmup);
                warm = readOutcomes(reader, all, warmup);
            }
            CpuMeter.Sample before = CpuMeter.sample(handles);
            int expected = write(producer, topics, urls, counted, 0, n);
            Result r = readOutcomes(reader, counted, expected);
            return new Result(r.perSecond(), r.counted(), r.failed(), r.millis(),
                    CpuMeter.sample(handles).minus(before), n, r.uncountedByError(), warm);
        } finally {
            processes.forEach(StageProcess::close);
        }
    }

    /** Writes triggers {@code from} .. {@code from + n - 1} round-robin over the URLs; returns how many are counted. */
    private static int write(KafkaProducer<byte[], byte[]> producer, Topics topics, List<String> urls,
                             Set<String> counted, int from, int n) throws Exception {
        int expected = 0;
        List<Future<?>> sent = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            String url = urls.get(Math.floorMod(i, urls.size()));
            expected += counted.contains(url) ? 1 : 0;
            WebhookTrigger t = trigger(i, url, Math.floorMod(i, KEYS));
            sent.add(producer.send(new ProducerRecord<>(topics.webhookTriggers().name(),
                    t.partitionKey().getBytes(StandardCharsets.UTF_8), TRIGGERS.toBytes(t))));
        }
        producer.flush();
        for (Future<?> f : sent) {
            f.get();
        }
        return expected;
    }

    private static KafkaConsumer<byte[], byte[]> reader(BenchKafka kafka, String topic) {
        // the rate comes from the outcomes' own timestamps, so the reader may wait for fuller fetches: fewer fetch
        // requests take less of the broker's (shared) CPU away from the pipeline being measured
        KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (int p = 0; p < BenchKafka.PARTITIONS; p++) {
            parts.add(new TopicPartition(topic, p));
        }
        reader.assign(parts);
        reader.seekToBeginning(parts);
        return reader;
    }

    /** Reads on from the reader's position until {@code expected} outcomes of counted URLs arrived. */
    private static Result readOutcomes(KafkaConsumer<byte[], byte[]> reader, Set<String> counted, int expected) {
        long first = Long.MAX_VALUE;
        long last = 0;
        int seen = 0;
        int failed = 0;
        Map<String, Integer> uncounted = new TreeMap<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (seen < expected && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : reader.poll(Duration.ofMillis(100))) {
                DeliveryOutcome o = OUTCOMES.fromBytes(r.value());
                if (!o.attempts().isEmpty()) {
                    first = Math.min(first, o.attempts().get(0).startedAt());
                }
                if (counted.contains(o.trigger().callbackUrl())) {
                    seen++;
                    failed += o.succeeded() ? 0 : 1;
                    last = Math.max(last, o.completedAt());
                } else {
                    uncounted.merge(o.succeeded() ? "succeeded" : String.valueOf(o.error()), 1, Integer::sum);
                }
            }
        }
        if (seen < expected) {
            throw new IllegalStateException("only " + seen + " of " + expected + " outcomes within 5 minutes");
        }
        long millis = Math.max(1, last - first);
        return new Result(seen * 1000.0 / millis, seen, failed, millis, null, seen, uncounted, null);
    }

    /** A trigger of hook {@code key} (of {@link #hooks}) in its channel. */
    static WebhookTrigger trigger(int i, String url, int key) {
        String post = Ids.deterministic("bench-post", Integer.toString(i));
        String hook = hookId(key);
        String channel = channel(key);
        WebhookPayload payload = new WebhookPayload("", Ids.deterministic("bench-team"), "bench", channel,
                "town-square", System.currentTimeMillis(), Ids.deterministic("bench-user"), "bench", post,
                "deploy now", "deploy", "");
        return new WebhookTrigger(WebhookTrigger.deliveryIdOf(post, hook, url), hook, url, ContentTypes.JSON,
                "Bench", Ids.deterministic("bench-creator"), "", "", "", payload, System.currentTimeMillis());
    }

    /** The bench's hooks, one per key, each calling every URL. */
    static List<OutgoingWebhook> hooks(List<String> urls) {
        List<OutgoingWebhook> hooks = new ArrayList<>(KEYS);
        for (int key = 0; key < KEYS; key++) {
            hooks.add(new OutgoingWebhook(hookId(key), "benchtoken0000000000000001", 1, 1, 0,
                    Ids.deterministic("bench-creator"), channel(key), Ids.deterministic("bench-team"), List.of(), 0,
                    urls, "Bench", "", ContentTypes.JSON, "", "", null));
        }
        return hooks;
    }

    private static String hookId(int key) {
        return Ids.deterministic("bench-hook", Integer.toString(key));
    }

    private static String channel(int key) {
        return Ids.deterministic("bench-channel", Integer.toString(key));
    }
}
