package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.matcher.MatcherService;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.trigger.WebhookTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A hook whose latest record is invalid is not live, and the matcher and the CLI agree on it, whatever the log cleaner
 * has done: before compaction, once compaction has really removed the earlier valid record, and after a matcher
 * restart. The admin can repair such a hook with {@code hooks update} or remove it with {@code hooks delete}.
 */
@ExtendWith(KafkaBrokerExtension.class)
class RejectedHooksOnBrokerTest {

    private static final JsonSerde<OutgoingWebhook> HOOKS = JsonSerde.of(OutgoingWebhook.class);
    private static final Duration COMPACTION_WAIT = Duration.ofSeconds(45);
    private static final Duration TRIGGER_WAIT = Duration.ofSeconds(30);
    /** The cleaner sleeps this long when it finds nothing to clean (broker default 15 s). */
    private static final String CLEANER_BACKOFF = "log.cleaner.backoff.ms";

    private KafkaBroker broker;
    /** Topics and application ids of this test's own. */
    private IsolatedConfig isolated;
    private String configsTopic;

    @BeforeEach
    void isolate(KafkaBroker broker) {
        this.broker = broker;
        this.isolated = new IsolatedConfig(broker);
        this.configsTopic = isolated.topics().webhookConfigs().name();
    }

    @Test
    void anInvalidLatestRecordIsNotLiveBeforeAndAfterCompactionAndRestartUntilAValidOne() throws Exception {
        // webhook-configs compacted as eagerly as the broker allows, created before the CLI provisions the rest
        broker.createTopic(configsTopic, 1, Map.of("cleanup.policy", "compact",
                "segment.ms", "100", "min.cleanable.dirty.ratio", "0.01", "min.compaction.lag.ms", "0",
                "delete.retention.ms", "100"));
        HooklineConfig config = isolated.provisioned();
        OutgoingWebhook control = create("http://127.0.0.1:9/control");
        OutgoingWebhook v1 = create("http://127.0.0.1:9/subject");
        String id = v1.id();
        OutgoingWebhook v2 = v1.withCallbackUrls(List.of("ftp://127.0.0.1/subject")).withUpdateAt(v1.updateAt() + 1);

        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.bootstrapServers()));
             KafkaProducer<String, byte[]> producer = producer();
             KafkaConsumer<String, WebhookTrigger> triggers = triggerConsumer()) {
            boolean backoffTuned = tuneCleanerBackoff(admin, "200");
            try {
                producer.send(new ProducerRecord<>(configsTopic, id, HOOKS.toBytes(v2))).get();

                String reason;
                try (MatcherService matcher = new MatcherService(config)) {
                    matcher.start();
                    assertThat(hooksFiredBy(post(), triggers)).as("before compaction").containsExactly(control.id());
                    reason = rejectedReasonShownByTheCli(id);
                    assertThat(reason).startsWith("invalid hook " + id + ": ")
                            .contains("callback_urls: 'ftp://127.0.0.1/subject' is not an http:// or https:// URL")
                            .doesNotContain(v1.token()).doesNotContain(v1.signingSecret().substring(6));

                    assertThat(offsetsOf(id)).as("v1 and v2 before compaction").hasSize(2);
                    long started = System.nanoTime();
                    awaitCompactionOf(id, producer);
                    System.out.printf("compaction removed the valid record of %s after %d ms (backoff tuned: %s)%n",
                            id, Duration.ofNanos(System.nanoTime() - started).toMillis(), backoffTuned);
                    assertThat(hooksFiredBy(post(), triggers)).as("after compaction").containsExactly(control.id());
                    assertThat(rejectedReasonShownByTheCli(id)).as("after compaction").isEqualTo(reason);
                }
                try (MatcherService restarted = new MatcherService(config)) {
                    restarted.start();
                    assertThat(hooksFiredBy(post(), triggers)).as("after restart").containsExactly(control.id());
                    assertThat(rejectedReasonShownByTheCli(id)).as("after restart").isEqualTo(reason);

                    // v3: the admin repairs the hook; it is live again
                    CliRun.Result repaired = CliRun.run(isolated.args("hooks", "update", id, "--callback-url",
                            "http://127.0.0.1:9/subject-v3"));
                    assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
                    assertThat(hooksFiredBy(post(), triggers)).as("after v3")
                            .containsExactlyInAnyOrder(control.id(), id);
                    JsonNode shown = Json.mapper().readTree(cli("hooks", "get", id).out());
                    assertThat(shown.get("status").asText()).isEqualTo("live");
                    assertThat(shown.has("rejected_reason")).isFalse();
                }
            } finally {
                if (backoffTuned) {
                    tuneCleanerBackoff(admin, null);
                }
            }
        }
    }

    @Test
    void aRejectedHookCanBeDeletedByTombstoneOrSoftDeleteButOnlyAParsedOneChanged() throws Exception {
        isolated.provisioned();
        OutgoingWebhook parsed = create("http://127.0.0.1:9/parsed");
        String garbageId = Ids.newId();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(configsTopic, parsed.id(),
                    HOOKS.toBytes(parsed.withTriggerWhen(7)))).get();
            producer.send(new ProducerRecord<>(configsTopic, garbageId,
                    ("{\"id\": \"" + garbageId + "\", \"token\": unquoted" + parsed.token() + "}")
                            .getBytes(StandardCharsets.UTF_8))).get();
        }
        CliRun.Result table = cli("hooks", "list");
        assertThat(table.out().lines()).anyMatch(l -> l.matches(garbageId
                + "\\s+rejected\\s+not a valid OutgoingWebhook JSON document: malformed JSON at line 1, column \\d+"));
        assertThat(table.out()).doesNotContain(parsed.token());

        CliRun.Result unchangeable = CliRun.run(isolated.args("hooks", "regen-token", garbageId));
        assertThat(unchangeable.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(unchangeable.err()).contains("hook '" + garbageId + "' is rejected and its record is not a hook "
                + "that can be changed", "hooks delete " + garbageId).doesNotContain(parsed.token());
        CliRun.Result stillInvalid = CliRun.run(isolated.args("hooks", "update", parsed.id(), "--display-name", "x"));
        assertThat(stillInvalid.exitCode()).as(stillInvalid.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(stillInvalid.err()).contains("trigger_when");

        assertThat(cli("hooks", "delete", garbageId).err()).contains("tombstone");
        assertThat(cli("hooks", "delete", parsed.id()).err()).contains("delete_at=");
        List<ConsumerRecord<String, byte[]>> history = TopicRecords.readAll(broker.bootstrapServers(),
                configsTopic, new ByteArrayDeserializer());
        ConsumerRecord<String, byte[]> last = history.get(history.size() - 1);
        assertThat(last.key()).isEqualTo(parsed.id());
        assertThat(HOOKS.fromBytes(last.value()).deleteAt()).as("a soft delete").isPositive();
        assertThat(history.get(history.size() - 2).key()).isEqualTo(garbageId);
        assertThat(history.get(history.size() - 2).value()).as("a tombstone").isNull();
        assertThat(cli("hooks", "list").out().lines()).hasSize(1);
        assertThat(cli("status").out()).contains("hooks: 0 live, 0 rejected, 2 deleted");
    }

    private CliRun.Result cli(String... args) {
        CliRun.Result r = CliRun.run(isolated.args(args));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        return r;
    }

    /** A hook in the town square on "ping", created with the CLI; returned with its token and secret. */
    private OutgoingWebhook create(String url) throws Exception {
        CliRun.Result r = cli("hooks", "create", "--team-id", TEAM, "--channel-id", CHANNEL, "--trigger-word", "ping",
                "--callback-url", url, "--creator-id", BOT);
        return Json.mapper().readValue(r.out(), OutgoingWebhook.class);
    }

    /** Alice posts "ping" with the CLI; returns the post id. */
    private String post() {
        return cli("post", "--team-id", TEAM, "--channel-id", CHANNEL, "--user-id", ALICE, "--message", "ping")
                .out().trim();
    }

    /**
     * The reason that {@code hooks list} (table and JSON), {@code hooks get} and {@code status} all give for the
     * rejected hook {@code id}; they must agree.
     */
    private String rejectedReasonShownByTheCli(String id) throws Exception {
        List<JsonNode> listed = new ArrayList<>();
        for (String line : cli("hooks", "list", "--output", "json").out().lines().toList()) {
            listed.add(Json.mapper().readTree(line));
        }
        JsonNode entry = listed.stream().filter(n -> n.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(entry.get("status").asText()).isEqualTo("rejected");
        String reason = entry.get("rejected_reason").asText();
        assertThat(entry.size()).as("id, status and reason only: %s", entry).isEqualTo(3);

        JsonNode got = Json.mapper().readTree(cli("hooks", "get", id).out());
        assertThat(got).isEqualTo(entry);
        assertThat(cli("hooks", "get", id, "--output", "table").out().lines().toList()).hasSize(2).last()
                .isEqualTo(String.format("%-26s  %-8s  %s", id, "rejected", reason));
        assertThat(cli("hooks", "list").out().lines()).contains(String.format("%-26s  %-8s  %s", id, "rejected",
                reason));
        String status = cli("status").out();
        assertThat(status).contains("hooks: 1 live, 1 rejected, ").contains("rejected hook " + id + ": " + reason);
        return reason;
    }

    /**
     * Keeps rolling segments (a filler tombstone every 200 ms; the cleaner never touches the active segment) until
     * reading the topic from its beginning shows only the latest record of {@code id}, or fails with what it saw.
     */
    private void awaitCompactionOf(String id, KafkaProducer<String, byte[]> producer) throws Exception {
        long deadline = System.nanoTime() + COMPACTION_WAIT.toNanos();
        List<Long> offsets = List.of();
        while (System.nanoTime() < deadline) {
            producer.send(new ProducerRecord<>(configsTopic, "segment-roller", null)).get();
            offsets = offsetsOf(id);
            if (offsets.size() == 1) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the log cleaner did not remove the valid record of " + id + " within "
                + COMPACTION_WAIT + ": its records are still at offsets " + offsets);
    }

    /** The offsets of the records of {@code id}, reading the topic from its beginning. */
    private List<Long> offsetsOf(String id) {
        return TopicRecords.readAll(broker.bootstrapServers(), configsTopic,
                new ByteArrayDeserializer()).stream().filter(r -> id.equals(r.key())).map(ConsumerRecord::offset)
                .toList();
    }

    /** The hooks that fired for post {@code postId}: read until the control hook's trigger shows, then all of them. */
    private static Collection<String> hooksFiredBy(String postId, KafkaConsumer<String, WebhookTrigger> triggers) {
        Set<String> hooks = new TreeSet<>();
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TRIGGER_WAIT.toNanos();
        while (hooks.isEmpty() && System.nanoTime() < deadline) {
            // all triggers of a post are written in one transaction: once one is visible, all are
            for (ConsumerRecord<String, WebhookTrigger> r : triggers.poll(Duration.ofMillis(200))) {
                seen.add(r.value().payload().postId() + ":" + r.value().hookId());
                if (r.value().payload().postId().equals(postId)) {
                    hooks.add(r.value().hookId());
                }
            }
        }
        assertThat(hooks).as("triggers of post %s within %s; seen: %s", postId, TRIGGER_WAIT, seen).isNotEmpty();
        return hooks;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, WebhookTrigger> triggerConsumer() {
        KafkaConsumer<String, WebhookTrigger> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                JsonSerde.of(WebhookTrigger.class).deserializer());
        TopicPartition partition = new TopicPartition(isolated.topics().webhookTriggers().name(), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        return consumer;
    }

    /**
     * Sets (or, with null, removes) the cluster-wide dynamic {@code log.cleaner.backoff.ms}, so that the test waits
     * for the cleaner less than its 15 s default; false when the broker refuses, and the test then waits longer.
     */
    private static boolean tuneCleanerBackoff(Admin admin, String value) throws InterruptedException {
        ConfigResource cluster = new ConfigResource(ConfigResource.Type.BROKER, "");
        AlterConfigOp op = value == null
                ? new AlterConfigOp(new ConfigEntry(CLEANER_BACKOFF, ""), AlterConfigOp.OpType.DELETE)
                : new AlterConfigOp(new ConfigEntry(CLEANER_BACKOFF, value), AlterConfigOp.OpType.SET);
        try {
            admin.incrementalAlterConfigs(Map.of(cluster, List.of(op))).all().get();
            return true;
        } catch (ExecutionException e) {
            System.out.println("cleaner backoff not changed: " + e.getCause());
            return false;
        }
    }
}
