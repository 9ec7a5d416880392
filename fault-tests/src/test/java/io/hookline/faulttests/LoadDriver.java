package io.hookline.faulttests;

import io.hookline.kafkatest.Await;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A steady, bounded stream of posts over several public channels: every {@code matchEvery}-th post starts with the
 * trigger word (and is entered in the ledger once per callback URL of each hook), the others never match.
 */
public final class LoadDriver {

    public static final String TRIGGER_WORD = "deploy";
    private static final String USER = "faultuser00000000000000001";
    private static final int CHANNELS = 12;

    private final String bootstrapServers;
    private final String postsTopic;
    private final List<OutgoingWebhook> hooks;
    private final Ledger ledger;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger matching = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final ReplyTimes replyTimes = new ReplyTimes();

    public LoadDriver(Pipeline pipeline, List<OutgoingWebhook> hooks, Ledger ledger) {
        this.bootstrapServers = pipeline.bootstrapServers();
        this.postsTopic = pipeline.topics().posts().name();
        this.hooks = List.copyOf(hooks);
        this.ledger = ledger;
    }

    /** Sends {@code total} posts at {@code perSecond}, in the background; the future completes when all are acked. */
    public CompletableFuture<Void> start(int total, int perSecond, int matchEvery) {
        return CompletableFuture.runAsync(() -> run(total, perSecond, matchEvery));
    }

    private void run(int total, int perSecond, int matchEvery) {
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long next = System.nanoTime();
        try (KafkaProducer<String, String> producer = Pipeline.producer(bootstrapServers)) {
            for (int i = 0; i < total; i++) {
                String channelId = channelId(i % CHANNELS);
                boolean matches = i % matchEvery == 0;
                long now = System.currentTimeMillis();
                Post post = new Post(Ids.newId(), now, 0, 0, 0, USER, channelId, "",
                        (matches ? TRIGGER_WORD : "chat") + " message " + i, "", Map.of(), List.of());
                if (matches) {
                    for (OutgoingWebhook hook : hooks) {
                        hook.callbackUrls().forEach(url -> replyTimes.sent(ledger.expect(post.id(), hook.id(), url),
                                now));
                    }
                    matching.incrementAndGet();
                }
                PostEvent event = new PostEvent(post, new Channel(channelId, "channel-" + (i % CHANNELS),
                        "Channel " + (i % CHANNELS), Channel.OPEN, Pipeline.TEAM),
                        new Team(Pipeline.TEAM, "faultteam", "Fault team"), new User(USER, "loadbot"));
                producer.send(new ProducerRecord<>(postsTopic, channelId, Json.mapper().writeValueAsString(event)),
                        (meta, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            } else {
                                sent.incrementAndGet();
                            }
                        });
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            producer.flush();
        } catch (Exception e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("load driver could not publish every post", failure.get());
        }
    }

    /** Waits until {@code n} posts are acknowledged by the broker. */
    public void awaitSent(int n, Duration timeout) {
        Await.until(() -> {
            if (failure.get() != null) {
                throw new IllegalStateException("load driver failed", failure.get());
            }
            return sent.get() >= n;
        }, timeout, () -> n + " posts acknowledged (" + sent.get() + " so far)");
    }

    public int sent() {
        return sent.get();
    }

    /** When each expected delivery's post was sent; replies are recorded by a {@link ReplyWatcher}. */
    ReplyTimes replyTimes() {
        return replyTimes;
    }

    public int matching() {
        return matching.get();
    }

    static String channelId(int n) {
        return String.format("faultchannel%014d", n);
    }
}
