package io.hookline.bench;

import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import io.hookline.kafkatest.StageProcess;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A click while webhooks stream: the matcher, dispatcher and ingestor run as three processes; a steady load of matching
 * posts goes through the webhook path while people click a button whose integration answers at once with an update and
 * an ephemeral text. Latency = when the {@code action_result} (and the {@code update_post}) became readable
 * (read_committed) minus when the click was written. The webhook load's own post -> create_post latency in the same
 * window is reported beside it, to show the click did not wait behind it.
 */
final class ClickScenario {

    private static final JsonSerde<PostEvent> POSTS = JsonSerde.of(PostEvent.class);
    private static final JsonSerde<InteractionEvent> INTERACTIONS = JsonSerde.of(InteractionEvent.class);
    private static final String TEAM = Ids.deterministic("click-team");
    private static final User CLICKER = new User(Ids.deterministic("clicker"), "alice");
    /** The click integration's answer to every click: an update and an ephemeral text. */
    private static final String ANSWER = "{\"update\": {\"message\": \"Approved\", \"props\": {}},"
            + " \"ephemeral_text\": \"You approved <https://example.com/d/1|deploy 1>\"}";

    private ClickScenario() {
    }

    static Row run(BenchKafka kafka, int webhookPostsPerSecond, int clicksPerSecond, int seconds, int warmupSeconds)
            throws Exception {
        try (Endpoints integration = new Endpoints(ANSWER).add(1, 0, 4);
             Endpoints hooks = new Endpoints().add(1, 0, 16)) {
            Map<String, String> settings = kafka.newRun("click", Map.of());
            Topics topics = TopicSettings.topics(kafka.config(settings));
            try (SetupWriter writer = kafka.setupWriter(0)) {
                writer.sendHook(topics, BenchHooks.teamHook(Ids.newId(), TEAM, hooks.urls(), "Deploy bot"));
            }
            String clickUrl = integration.urls("/approve").get(0);
            List<StageProcess> stages = new ArrayList<>();
            try {
                for (String stage : BenchKafka.pipelineStages()) {
                    stages.add(kafka.stage(stage, settings));
                }
                return measure(kafka, topics, clickUrl, webhookPostsPerSecond, clicksPerSecond, seconds,
                        warmupSeconds);
            } finally {
                for (int i = stages.size() - 1; i >= 0; i--) {
                    stages.get(i).close();
                }
            }
        }
    }

    private static Row measure(BenchKafka kafka, Topics topics, String clickUrl, int postsPerSecond,
                               int clicksPerSecond, int seconds, int warmupSeconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> resultAt = new ConcurrentHashMap<>();
        Map<String, Long> updateAt = new ConcurrentHashMap<>();
        Map<String, Long> replyAt = new ConcurrentHashMap<>();
        Map<String, Long> sentWallAt = new ConcurrentHashMap<>();
        Map<String, Long> resultWallAt = new ConcurrentHashMap<>();
        AtomicBoolean reading = new AtomicBoolean(true);
        Thread reader = new Thread(() -> CommandClock.read(kafka, topics.postCommands().name(), reading,
                (c, now) -> {
                    switch (c.type()) {
                        case PostCommand.ACTION_RESULT -> {
                            resultAt.putIfAbsent(c.interactionId(), now);
                            resultWallAt.putIfAbsent(c.interactionId(), System.currentTimeMillis());
                        }
                        case PostCommand.UPDATE_POST -> updateAt.putIfAbsent(c.interactionId(), now);
                        case PostCommand.CREATE_POST -> replyAt.putIfAbsent(c.origin().postId(), now);
                        default -> {
                        }
                    }
                }), "click-reader");
        reader.start();
        warmUp(kafka, topics, clickUrl, resultAt, replyAt);

        long start = System.nanoTime();
        long warmupEnd = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        long postInterval = TimeUnit.SECONDS.toNanos(1) / postsPerSecond;
        long clickInterval = TimeUnit.SECONDS.toNanos(1) / clicksPerSecond;
        List<String> measuredClicks = new ArrayList<>();
        List<String> measuredPosts = new ArrayList<>();
        int posts = 0;
        int clicks = 0;
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(0)) {
            long nextPost = start;
            long nextClick = start + clickInterval / 2;
            while (true) {
                long due = Math.min(nextPost, nextClick);
                if (due >= end) {
                    break;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                if (nextPost <= nextClick) {
                    String postId = Ids.newId();
                    String channel = Ids.deterministic("click-channel", Integer.toString(posts % 60));
                    producer.send(new ProducerRecord<>(topics.posts().name(), bytes(channel),
                            POSTS.toBytes(post(postId, channel, BenchHooks.TRIGGER_WORD + " " + posts))));
                    long now = System.nanoTime();
                    sentAt.put(postId, now);
                    if (now >= warmupEnd) {
                        measuredPosts.add(postId);
                    }
                    posts++;
                    nextPost += postInterval;
                } else {
                    InteractionEvent click = click(clickUrl, clicks);
                    producer.send(new ProducerRecord<>(topics.interactions().name(), bytes(click.channel().id()),
                            INTERACTIONS.toBytes(click)));
                    producer.flush(); // a click is one record: send it now, not with the next batch
                    long now = System.nanoTime();
                    sentAt.put(click.id(), now);
                    sentWallAt.put(click.id(), System.currentTimeMillis());
                    if (now >= warmupEnd) {
                        measuredClicks.add(click.id());
                    }
                    clicks++;
                    nextClick += clickInterval;
                }
            }
            producer.flush();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while ((!resultAt.keySet().containsAll(measuredClicks) || !replyAt.keySet().containsAll(measuredPosts))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        reading.set(false);
        reader.join(10_000);
        long[] result = latencies(measuredClicks, sentAt, resultAt);
        long[] update = latencies(measuredClicks, sentAt, updateAt);
        long[] reply = latencies(measuredPosts, sentAt, replyAt);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("webhook_posts_per_second", postsPerSecond);
        d.put("clicks_per_second", clicksPerSecond);
        d.put("seconds", seconds);
        d.put("clicks_measured", result.length);
        d.put("clicks_missing", measuredClicks.size() - result.length);
        d.put("click_to_action_result_p50_ms", LatencyScenario.percentile(result, 0.50));
        d.put("click_to_action_result_p99_ms", LatencyScenario.percentile(result, 0.99));
        d.put("click_to_action_result_max_ms", max(result));
        d.put("click_to_update_post_p50_ms", LatencyScenario.percentile(update, 0.50));
        d.put("click_to_update_post_p99_ms", LatencyScenario.percentile(update, 0.99));
        d.put("webhook_posts_measured", reply.length);
        d.put("webhook_posts_missing", measuredPosts.size() - reply.length);
        d.put("webhook_post_to_create_post_p50_ms", LatencyScenario.percentile(reply, 0.50));
        d.put("webhook_post_to_create_post_p99_ms", LatencyScenario.percentile(reply, 0.99));
        d.putAll(stageBreakdown(kafka, topics.webhookResponses().name(), Set.copyOf(measuredClicks), sentWallAt,
                resultWallAt));
        return new Row("click", String.format(Locale.ROOT,
                "click -> action_result p50 (p99 %d, max %d), %d webhook posts/s beside%s",
                LatencyScenario.percentile(result, 0.99), max(result), postsPerSecond,
                BenchKafka.pipelineLayoutNote()),
                LatencyScenario.percentile(result, 0.50), "", 0, "ms", d);
    }

    /** Clicks (and matching posts) until one of each has come back, so every stage has done its first round trip. */
    private static void warmUp(BenchKafka kafka, Topics topics, String clickUrl, Map<String, Long> resultAt,
                               Map<String, Long> replyAt) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        List<String> clicks = new ArrayList<>();
        List<String> posts = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer(0)) {
            int i = 0;
            while (clicks.stream().noneMatch(resultAt::containsKey) || posts.stream().noneMatch(replyAt::containsKey)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no click or no post came back as a command within 180 s");
                }
                InteractionEvent click = click(clickUrl, -1 - i);
                producer.send(new ProducerRecord<>(topics.interactions().name(), bytes(click.channel().id()),
                        INTERACTIONS.toBytes(click)));
                String postId = Ids.newId();
                String channel = Ids.deterministic("click-channel", Integer.toString(i % 60));
                producer.send(new ProducerRecord<>(topics.posts().name(), bytes(channel),
                        POSTS.toBytes(post(postId, channel, BenchHooks.TRIGGER_WORD + " warm-up"))));
                producer.flush();
                clicks.add(click.id());
                posts.add(postId);
                i++;
                Thread.sleep(200);
            }
        }
        Thread.sleep(2_000);
    }

    /**
     * Medians of where a click's time goes, from the outcomes' own timestamps (wall clock, same machine): written ->
     * the dispatcher's call starts, the call, and the outcome -> the result readable (ingestor, its transaction).
     */
    private static Map<String, Object> stageBreakdown(BenchKafka kafka, String responses, Set<String> clicks,
                                                      Map<String, Long> sentWallAt, Map<String, Long> resultWallAt) {
        List<Long> pickup = new ArrayList<>();
        List<Long> call = new ArrayList<>();
        List<Long> answer = new ArrayList<>();
        kafka.forEachOutcome(responses, o -> {
            if (o.isInteraction() && clicks.contains(o.deliveryId()) && !o.attempts().isEmpty()
                    && resultWallAt.containsKey(o.deliveryId())) {
                long started = o.attempts().get(0).startedAt();
                pickup.add(started - sentWallAt.get(o.deliveryId()));
                call.add(o.completedAt() - started);
                answer.add(resultWallAt.get(o.deliveryId()) - o.completedAt());
            }
        });
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("p50_click_to_call_ms", median(pickup));
        d.put("p50_call_ms", median(call));
        d.put("p50_outcome_to_result_ms", median(answer));
        d.put("p99_click_to_call_ms", LatencyScenario.percentile(pickup.stream().mapToLong(Long::longValue).sorted()
                .toArray(), 0.99));
        d.put("p99_outcome_to_result_ms", LatencyScenario.percentile(answer.stream().mapToLong(Long::longValue)
                .sorted().toArray(), 0.99));
        return d;
    }

    private static long median(List<Long> values) {
        return LatencyScenario.percentile(values.stream().mapToLong(Long::longValue).sorted().toArray(), 0.50);
    }

    private static PostEvent post(String postId, String channel, String message) {
        Post post = new Post(postId, System.currentTimeMillis(), 0, 0, 0, Ids.deterministic("user"), channel, "",
                message, "", Map.of(), List.of());
        return new PostEvent(post, new Channel(channel, "c", "C", Channel.OPEN, TEAM), new Team(TEAM, "team", "Team"),
                new User(Ids.deterministic("user"), "bench"));
    }

    /** A click on the "Approve" button of a stored webhook post, in one of 60 channels. */
    private static InteractionEvent click(String url, int n) {
        String channel = Ids.deterministic("click-channel", Integer.toString(Math.floorMod(n, 60)));
        String postId = Ids.deterministic("clicked-post", Integer.toString(n));
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("id", "approve");
        action.put("type", "button");
        action.put("name", "Approve");
        action.put("integration", Map.of("url", url, "context", Map.of("deploy", n)));
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", postId);
        post.put("create_at", 1_767_225_600_000L);
        post.put("user_id", Ids.deterministic("bot"));
        post.put("channel_id", channel);
        post.put("root_id", "");
        post.put("message", "Deploy " + n + "?");
        post.put("type", "slack_attachment");
        post.put("props", Map.of("from_webhook", "true", "attachments",
                List.of(Map.of("text", "Ready to ship", "actions", List.of(action)))));
        return InteractionEvent.postAction(Ids.newId(), "approve", "", post, CLICKER,
                new Channel(channel, "c", "C", Channel.OPEN, TEAM), new Team(TEAM, "team", "Team"));
    }

    private static long[] latencies(List<String> ids, Map<String, Long> sentAt, Map<String, Long> seenAt) {
        return ids.stream().filter(seenAt::containsKey)
                .mapToLong(id -> TimeUnit.NANOSECONDS.toMillis(seenAt.get(id) - sentAt.get(id))).sorted().toArray();
    }

    private static long max(long[] sorted) {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
