package io.hookline.dispatcher.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.TestTriggers;
import io.hookline.kafkatest.Await;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.serde.JsonSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HookTableTest {

    private static final String TOPIC = "webhook-configs";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    private static final String URL = "https://ci.example.com/hook";
    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
    private HookTable table;
    private Thread follower;

    @BeforeEach
    void setUp() {
        Node node = new Node(0, "127.0.0.1", 9092);
        consumer.updatePartitions(TOPIC, List.of(new PartitionInfo(TOPIC, 0, node, null, null),
                new PartitionInfo(TOPIC, 1, node, null, null)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (follower != null) {
            table.stop();
            follower.join(5_000);
        }
    }

    private static OutgoingWebhook hook(String name) {
        return TestTriggers.hook(name, "application/json", List.of(), List.of(URL));
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition p, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, p.partition(), offset, key.getBytes(StandardCharsets.UTF_8), value);
    }

    private void restore(Duration catchUpWait, List<ConsumerRecord<byte[], byte[]>> records) {
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
        table = new HookTable(consumer, TOPIC, catchUpWait);
        table.restore(Duration.ofSeconds(5));
    }

    private void follow() {
        follower = new Thread(table, "hook-table-test");
        follower.start();
    }

    private static SendDecision decided(CompletableFuture<SendDecision> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void theRestoreReadsToTheEndAndTheLatestRecordOfAHookDecides() throws Exception {
        OutgoingWebhook a = hook("a");
        OutgoingWebhook b = hook("b");
        OutgoingWebhook c = hook("c");
        OutgoingWebhook rotated = a.withToken(TestTriggers.id("new-token"));
        consumer.updateEndOffsets(Map.of(P0, 4L, P1, 2L));
        restore(Duration.ofSeconds(1), List.of(
                record(P0, 0, a.id(), HOOKS.toBytes(a)),
                record(P0, 1, b.id(), HOOKS.toBytes(b)),
                record(P0, 2, b.id(), null),
                record(P0, 3, a.id(), HOOKS.toBytes(rotated)),
                record(P1, 0, c.id(), HOOKS.toBytes(c)),
                record(P1, 1, c.id(), HOOKS.toBytes(c.withTriggerWhen(2)))));

        assertThat(table.size()).isEqualTo(3);
        assertThat(decided(table.decide(a.id(), URL))).isEqualTo(new SendDecision.Send(rotated));
        assertThat(decided(table.decide(a.id(), "https://elsewhere.example.com/")))
                .isEqualTo(new SendDecision.Gone("hook " + a.id() + " no longer has this callback URL"));
        assertThat(decided(table.decide(b.id(), URL)))
                .isEqualTo(new SendDecision.Gone("hook " + b.id() + " was deleted"));
        assertThat(decided(table.decide(c.id(), URL))).isInstanceOfSatisfying(SendDecision.Gone.class,
                g -> assertThat(g.reason()).startsWith("hook " + c.id() + " is not live: invalid hook " + c.id()));
    }

    @Test
    void aHookNotInTheTableWaitsForTheTableToReachTheEndOfTheTopic() throws Exception {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        restore(Duration.ofSeconds(30), List.of());
        OutgoingWebhook created = hook("created");

        // the hook was written just before its trigger: the topic's end is past what the table has read
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 1L));
        CompletableFuture<SendDecision> decision = table.decide(created.id(), URL);
        assertThat(decision).isNotDone();

        consumer.schedulePollTask(() -> consumer.addRecord(record(P1, 0, created.id(), HOOKS.toBytes(created))));
        follow();
        assertThat(decided(decision)).isEqualTo(new SendDecision.Send(created));
    }

    @Test
    void aHookStillUnknownOnceTheTableCaughtUpIsGoneAndNotWaitedForLonger() throws Exception {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        restore(Duration.ofSeconds(30), List.of());
        follow();
        long t0 = System.nanoTime();
        String never = TestTriggers.id("never-created");
        assertThat(decided(table.decide(never, URL))).isEqualTo(
                new SendDecision.Gone("hook " + never + " is not in webhook-configs (deleted, or never created)"));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aTableThatCannotCatchUpInTimeFailsTheLookupInsteadOfAnsweringGone() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
        restore(Duration.ofMillis(200), List.of());
        // nothing follows the topic: the catch-up never happens
        CompletableFuture<SendDecision> decision = table.decide(TestTriggers.id("x"), URL);
        Await.until(decision::isDone, Duration.ofSeconds(5), () -> "the lookup to time out");
        assertThatThrownBy(decision::get).hasCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void updatesAfterTheRestoreAreFollowed() throws Exception {
        OutgoingWebhook a = hook("a");
        consumer.updateEndOffsets(Map.of(P0, 1L, P1, 0L));
        restore(Duration.ofSeconds(1), List.of(record(P0, 0, a.id(), HOOKS.toBytes(a))));
        follow();
        consumer.schedulePollTask(() -> consumer.addRecord(record(P0, 1, a.id(), HOOKS.toBytes(a.withDeleteAt(5)))));
        Await.until(() -> table.decide(a.id(), URL).join() instanceof SendDecision.Gone, Duration.ofSeconds(5),
                () -> "the deletion to reach the table");
        assertThat(decided(table.decide(a.id(), URL)))
                .isEqualTo(new SendDecision.Gone("hook " + a.id() + " was deleted"));
    }
}
