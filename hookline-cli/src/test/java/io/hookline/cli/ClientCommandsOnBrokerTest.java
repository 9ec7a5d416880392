package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.hook.OutgoingWebhookValidator;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The hooks commands, post, tail and status against the real broker, each test on topics of its own. */
@ExtendWith(KafkaBrokerExtension.class)
class ClientCommandsOnBrokerTest {


    private KafkaBroker broker;
    private IsolatedConfig isolated;
    private Topics topics;

    @BeforeEach
    void isolate(KafkaBroker broker) {
        this.broker = broker;
        this.isolated = new IsolatedConfig(broker);
        this.topics = isolated.topics();
    }

    private CliRun.Result createHook(String url, String word) {
        return CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id", CHANNEL,
                "--trigger-word", word, "--callback-url", url, "--creator-id", BOT, "--display-name", "Pong bot"));
    }

    @Test
    void hooksCreateWritesTheValidatedHookKeyedByIdAndPrintsItOnce() throws Exception {
        CliRun.Result r = createHook("http://127.0.0.1:8065/hook", "ping");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        OutgoingWebhook printed = Json.mapper().readValue(r.out(), OutgoingWebhook.class);
        assertThat(OutgoingWebhookValidator.violations(printed)).isEmpty();
        assertThat(printed.signingSecret()).startsWith("whsec_");
        assertThat(r.err()).contains("created hook " + printed.id()).doesNotContain(printed.token(),
                printed.signingSecret());

        List<ConsumerRecord<String, OutgoingWebhook>> records = TopicRecords.readAll(broker.bootstrapServers(),
                topics.webhookConfigs().name(), JsonSerde.of(OutgoingWebhook.class));
        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.key()).isEqualTo(printed.id());
            assertThat(rec.value()).isEqualTo(printed);
        });

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topics.webhookConfigs().name());
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aConflictingHookIsRefusedAndNothingIsWritten() throws Exception {
        CliRun.Result first = createHook("http://127.0.0.1:8065/hook", "ping");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        String firstId = Json.mapper().readTree(first.out()).get("id").asText();

        CliRun.Result conflict = createHook("http://127.0.0.1:8065/hook", "ping");
        assertThat(conflict.exitCode()).as(conflict.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(conflict.err()).contains("hook " + firstId, "nothing was written");
        assertThat(conflict.out()).isEmpty();

        CliRun.Result otherWord = createHook("http://127.0.0.1:8065/hook", "pong");
        assertThat(otherWord.exitCode()).as(otherWord.toString()).isZero();

        assertThat(TopicRecords.readAll(broker.bootstrapServers(), topics.webhookConfigs().name(),
                new StringDeserializer())).hasSize(2);

        CliRun.Result list = CliRun.run(isolated.args("hooks", "list", "--output", "json"));
        assertThat(list.exitCode()).as(list.toString()).isZero();
        List<String> lines = list.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains(firstId, "\"token\":\"****\"", "whsec_****");
    }

    @Test
    void aHooksLifeGetRegenTokenDelete() throws Exception {
        CliRun.Result created = createHook("http://127.0.0.1:8065/hook", "ping");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        OutgoingWebhook hook = Json.mapper().readValue(created.out(), OutgoingWebhook.class);

        CliRun.Result got = CliRun.run(isolated.args("hooks", "get", hook.id()));
        assertThat(got.exitCode()).as(got.toString()).isZero();
        assertThat(Json.mapper().readValue(got.out(), OutgoingWebhook.class)).isEqualTo(hook.masked());
        assertThat(got.out()).doesNotContain(hook.token(), hook.signingSecret());
        CliRun.Result row = CliRun.run(isolated.args("hooks", "get", hook.id(), "--output", "table"));
        assertThat(row.exitCode()).as(row.toString()).isZero();
        assertThat(row.out().lines().toList()).hasSize(2).last().asString()
                .matches(hook.id() + "\\s+live\\s+" + hook.teamId()
                        + "\\s+.*exact\\s+ping\\s+http://127.0.0.1:8065/hook");

        CliRun.Result regen = CliRun.run(isolated.args("hooks", "regen-token", hook.id()));
        assertThat(regen.exitCode()).as(regen.toString()).isZero();
        OutgoingWebhook shown = Json.mapper().readValue(regen.out(), OutgoingWebhook.class);
        assertThat(shown.token()).hasSize(26).isNotEqualTo(hook.token());
        assertThat(regen.out()).doesNotContain(hook.signingSecret());

        CliRun.Result deleted = CliRun.run(isolated.args("hooks", "delete", hook.id()));
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();

        List<OutgoingWebhook> history = TopicRecords.readAll(broker.bootstrapServers(), topics.webhookConfigs().name(),
                JsonSerde.of(OutgoingWebhook.class)).stream().map(ConsumerRecord::value).toList();
        assertThat(history).hasSize(3).allSatisfy(h -> assertThat(h.id()).isEqualTo(hook.id()));
        assertThat(history.get(1).token()).isEqualTo(shown.token());
        assertThat(history.get(1).signingSecret()).isEqualTo(hook.signingSecret());
        assertThat(history.get(1).updateAt()).isGreaterThanOrEqualTo(hook.updateAt());
        assertThat(history.get(2).deleteAt()).isPositive();
        assertThat(history.get(2).token()).isEqualTo(shown.token());

        CliRun.Result list = CliRun.run(isolated.args("hooks", "list"));
        assertThat(list.out().lines()).hasSize(1).first().asString().startsWith("ID");
        CliRun.Result gone = CliRun.run(isolated.args("hooks", "get", hook.id()));
        assertThat(gone.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(gone.err()).contains("no live hook with id '" + hook.id() + "'");
        CliRun.Result again = CliRun.run(isolated.args("hooks", "delete", hook.id()));
        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void rotateSecretShowsTheNewSecretOnceAndKeepsTheOldOneSigningForTheGracePeriod() throws Exception {
        CliRun.Result created = createHook("http://127.0.0.1:8065/hook", "ping");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        OutgoingWebhook hook = Json.mapper().readValue(created.out(), OutgoingWebhook.class);

        long before = System.currentTimeMillis();
        CliRun.Result rotated = CliRun.run(isolated.args("hooks", "rotate-secret", hook.id(), "--grace", "2h"));
        long after = System.currentTimeMillis();
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        OutgoingWebhook shown = Json.mapper().readValue(rotated.out(), OutgoingWebhook.class);
        assertThat(shown.signingSecret()).isNotEqualTo(hook.signingSecret());
        assertThat(OutgoingWebhookValidator.signingSecretProblem(shown.signingSecret())).isNull();
        assertThat(shown.token()).isEqualTo("****");
        assertThat(shown.previousSigningSecret()).isEqualTo("whsec_****");
        assertThat(rotated.out() + rotated.err()).doesNotContain(hook.signingSecret(), hook.token());
        assertThat(rotated.err()).contains("new signing secret for hook " + hook.id(), "the old secret also signs "
                + "until", "not shown again");

        List<OutgoingWebhook> history = TopicRecords.readAll(broker.bootstrapServers(), topics.webhookConfigs().name(),
                JsonSerde.of(OutgoingWebhook.class)).stream().map(ConsumerRecord::value).toList();
        OutgoingWebhook written = history.get(history.size() - 1);
        assertThat(written.signingSecret()).isEqualTo(shown.signingSecret());
        assertThat(written.previousSigningSecret()).isEqualTo(hook.signingSecret());
        assertThat(written.previousSigningSecretExpiresAt()).isBetween(before + 7_200_000, after + 7_200_000);
        assertThat(written.token()).isEqualTo(hook.token());

        CliRun.Result renamed = CliRun.run(isolated.args("hooks", "update", hook.id(), "--display-name", "Renamed"));
        assertThat(renamed.exitCode()).as(renamed.toString()).isZero();
        CliRun.Result got = CliRun.run(isolated.args("hooks", "get", hook.id()));
        assertThat(got.out()).contains("\"previous_signing_secret\" : \"whsec_****\"")
                .doesNotContain(shown.signingSecret(), hook.signingSecret());
        OutgoingWebhook afterUpdate = latest(hook.id());
        assertThat(afterUpdate.previousSigningSecret()).as("an update keeps the rotation").isEqualTo(
                hook.signingSecret());
        assertThat(afterUpdate.signingSecret()).isEqualTo(shown.signingSecret());

        CliRun.Result atOnce = CliRun.run(isolated.args("hooks", "rotate-secret", hook.id(), "--grace", "0"));
        assertThat(atOnce.exitCode()).as(atOnce.toString()).isZero();
        assertThat(atOnce.err()).contains("stopped signing at once");
        assertThat(latest(hook.id()).previousSigningSecret()).isNull();

        int records = TopicRecords.readAll(broker.bootstrapServers(), topics.webhookConfigs().name(),
                new StringDeserializer()).size();
        String unknown = "nohook00000000000000000001";
        CliRun.Result missing = CliRun.run(isolated.args("hooks", "rotate-secret", unknown));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("no live hook with id '" + unknown + "'");
        assertThat(TopicRecords.readAll(broker.bootstrapServers(), topics.webhookConfigs().name(),
                new StringDeserializer())).as("nothing written").hasSize(records);
    }

    private OutgoingWebhook latest(String id) {
        List<OutgoingWebhook> history = TopicRecords.readAll(broker.bootstrapServers(), topics.webhookConfigs().name(),
                JsonSerde.of(OutgoingWebhook.class)).stream().map(ConsumerRecord::value)
                .filter(h -> h.id().equals(id)).toList();
        return history.get(history.size() - 1);
    }

    @Test
    void hooksListTableHasARowPerLiveHook() throws Exception {
        CliRun.Result created = createHook("http://127.0.0.1:8065/hook", "ping");
        String id = Json.mapper().readTree(created.out()).get("id").asText();
        CliRun.Result list = CliRun.run(isolated.args("hooks", "list"));
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out().lines().toList()).hasSize(2).last().asString()
                .matches(id + "\\s+live\\s+" + TEAM + "\\s+" + CHANNEL
                        + "\\s+exact\\s+ping\\s+http://127.0.0.1:8065/hook");
    }

    @Test
    void postFromAFileKeepsTheDocument(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("post.json");
        Files.writeString(file, """
                {"post": {"id": "post0000000000000000000001", "create_at": 1764150000000, "user_id": "%s",
                          "channel_id": "%s", "message": "ping"},
                 "channel": {"id": "%s", "name": "town-square", "type": "O", "team_id": "%s"},
                 "team": {"id": "%s", "name": "engineering"}, "user": {"id": "%s", "username": "alice"}}
                """.formatted(ALICE, CHANNEL, CHANNEL, TEAM, TEAM, ALICE));
        CliRun.Result r = CliRun.run(isolated.args("post", "--file", file.toString()));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().trim()).isEqualTo("post0000000000000000000001");
        var records = TopicRecords.readAll(broker.bootstrapServers(), topics.posts().name(),
                JsonSerde.of(PostEvent.class));
        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.key()).isEqualTo(CHANNEL);
            assertThat(rec.value().post().createAt()).isEqualTo(1764150000000L);
            assertThat(rec.value().post().message()).isEqualTo("ping");
        });
    }

    @Test
    void statusShowsTopicsHooksAndTheLagOfTheServicesGroups() {
        assertThat(createHook("http://127.0.0.1:8065/hook", "ping").exitCode()).isZero();
        for (int i = 0; i < 3; i++) {
            assertThat(CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL, "--user-id", ALICE,
                    "--message", "m" + i)).exitCode()).isZero();
        }
        String group = isolated.config().get(io.hookline.runtime.config.Settings.APPLICATION_ID_PREFIX) + "-matcher";
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", broker.bootstrapServers(), "group.id", group), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.commitSync(Map.of(new org.apache.kafka.common.TopicPartition(topics.posts().name(), 0),
                    new org.apache.kafka.clients.consumer.OffsetAndMetadata(1)));
        }

        CliRun.Result r = CliRun.run(isolated.args("status"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out().lines().filter(l -> l.startsWith(topics.posts().name() + " ")))
                .singleElement().asString().matches(".*posts\\s+1\\s+3$");
        assertThat(r.out()).contains("hooks: 1 live, 0 rejected, 0 deleted");
        assertThat(r.out().lines().filter(l -> l.startsWith(group + " "))).singleElement().asString()
                .matches(".*\\s+1\\s+2$");
    }

    @Test
    void hooksUpdateChangesOnlyWhatIsGivenAndRefusesInvalidOrConflictingResults() throws Exception {
        CliRun.Result a = createHook("http://127.0.0.1:8065/a", "ping");
        CliRun.Result b = createHook("http://127.0.0.1:8065/b", "hello");
        assertThat(a.exitCode()).as(a.toString()).isZero();
        assertThat(b.exitCode()).as(b.toString()).isZero();
        OutgoingWebhook hookA = Json.mapper().readValue(a.out(), OutgoingWebhook.class);
        String idB = Json.mapper().readTree(b.out()).get("id").asText();

        CliRun.Result updated = CliRun.run(isolated.args("hooks", "update", hookA.id(), "--trigger-word", "ping",
                "--trigger-word", "pong", "--trigger-when", "starts-with", "--display-name", "Renamed"));
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.out()).doesNotContain(hookA.token(), hookA.signingSecret());

        CliRun.Result invalid = CliRun.run(isolated.args("hooks", "update", hookA.id(), "--callback-url", "ftp://x"));
        assertThat(invalid.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(invalid.err()).contains("callback_urls: 'ftp://x' is not an http:// or https:// URL",
                "nothing was written");

        CliRun.Result conflict = CliRun.run(isolated.args("hooks", "update", idB, "--callback-url",
                "http://127.0.0.1:8065/a", "--trigger-word", "pong"));
        assertThat(conflict.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(conflict.err()).contains("hook " + hookA.id(), "nothing was written");

        CliRun.Result empty = CliRun.run(isolated.args("hooks", "update", hookA.id()));
        assertThat(empty.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(empty.err()).contains("nothing to change");

        List<OutgoingWebhook> records = TopicRecords.readAll(broker.bootstrapServers(),
                topics.webhookConfigs().name(), JsonSerde.of(OutgoingWebhook.class)).stream()
                .map(ConsumerRecord::value).toList();
        assertThat(records).hasSize(3);
        OutgoingWebhook latest = records.get(2);
        assertThat(latest.id()).isEqualTo(hookA.id());
        assertThat(latest.triggerWords()).containsExactly("ping", "pong");
        assertThat(latest.triggerWhen()).isEqualTo(OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH);
        assertThat(latest.displayName()).isEqualTo("Renamed");
        assertThat(latest.callbackUrls()).isEqualTo(hookA.callbackUrls());
        assertThat(latest.token()).isEqualTo(hookA.token());
        assertThat(latest.signingSecret()).isEqualTo(hookA.signingSecret());
    }

    @Test
    void postWithFlagsPublishesACompleteEventKeyedByChannel() {
        CliRun.Result r = CliRun.run(isolated.args("post", "--team-id", TEAM, "--team-name", "engineering",
                "--channel-id", CHANNEL, "--channel-name", "town-square", "--user-id", ALICE, "--username", "alice",
                "--message", "ping"));
        assertThat(r.exitCode()).as(r.toString()).isZero();
        String postId = r.out().trim();

        var records = TopicRecords.readAll(broker.bootstrapServers(), topics.posts().name(),
                JsonSerde.of(PostEvent.class));
        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.key()).isEqualTo(CHANNEL);
            PostEvent e = rec.value();
            assertThat(e.problems()).isEmpty();
            assertThat(e.post().id()).isEqualTo(postId);
            assertThat(e.post().message()).isEqualTo("ping");
            assertThat(e.post().userId()).isEqualTo(ALICE);
            assertThat(e.post().createAt()).isPositive();
            assertThat(e.channel().type()).isEqualTo("O");
            assertThat(e.channel().name()).isEqualTo("town-square");
            assertThat(e.team().name()).isEqualTo("engineering");
            assertThat(e.user().username()).isEqualTo("alice");
        });
    }

    @Test
    void postFromStdinKeepsTheDocumentAndFillsTheIdAndTime() {
        String doc = """
                {"post": {"user_id": "%s", "channel_id": "%s", "message": "deploy now", "props": {"x": 1}},
                 "channel": {"id": "%s", "name": "ops", "type": "O", "team_id": "%s"},
                 "team": {"id": "%s", "name": "engineering"},
                 "user": {"id": "%s", "username": "alice"}, "unknown": true}
                """.formatted(ALICE, CHANNEL, CHANNEL, TEAM, TEAM, ALICE);
        CliRun.Result r = CliRun.run(Map.of(), doc, isolated.args("post", "--file", "-"));
        assertThat(r.exitCode()).as(r.toString()).isZero();

        var records = TopicRecords.readAll(broker.bootstrapServers(), topics.posts().name(),
                JsonSerde.of(PostEvent.class));
        assertThat(records).singleElement().satisfies(rec -> {
            assertThat(rec.key()).isEqualTo(CHANNEL);
            assertThat(rec.value().post().id()).isEqualTo(r.out().trim()).hasSize(26);
            assertThat(rec.value().post().message()).isEqualTo("deploy now");
            assertThat(rec.value().post().props()).containsEntry("x", 1);
            assertThat(rec.value().channel().name()).isEqualTo("ops");
        });
    }

    @Test
    void tailPrintsWhatIsThereAsJsonLinesByLogicalNameAndStops() throws Exception {
        for (String message : List.of("one", "two", "three")) {
            CliRun.Result r = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                    "--user-id", ALICE, "--message", message));
            assertThat(r.exitCode()).as(r.toString()).isZero();
        }
        CliRun.Result all = CliRun.run(isolated.args("tail", "posts"));
        assertThat(all.exitCode()).as(all.toString()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines).hasSize(3);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("topic").asText()).isEqualTo(topics.posts().name());
        assertThat(first.get("key").asText()).isEqualTo(CHANNEL);
        assertThat(first.get("offset").asLong()).isZero();
        assertThat(first.get("value").get("post").get("message").asText()).isEqualTo("one");
        assertThat(Json.mapper().readTree(lines.get(2)).get("value").get("post").get("message").asText())
                .isEqualTo("three");

        CliRun.Result two = CliRun.run(isolated.args("tail", topics.posts().name(), "--max", "2"));
        assertThat(two.out().lines()).hasSize(2);

        CliRun.Result followed = CliRun.run(isolated.args("tail", "posts", "--follow", "--from-beginning",
                "--max", "3"));
        assertThat(followed.exitCode()).as(followed.toString()).isZero();
        assertThat(followed.out().lines()).hasSize(3);
    }

    @Test
    void tailOfAMissingTopicSaysSoAndCreatesNothing() throws Exception {
        String missing = broker.uniqueName("no-such-topic");
        CliRun.Result r = CliRun.run(isolated.args("tail", missing));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("topic '" + missing + "' does not exist");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(missing);
        }
    }

    @Test
    void anUnreachableBrokerFailsFastNamingTheAddress() {
        long start = System.nanoTime();
        CliRun.Result r = CliRun.run("post", "-b", "127.0.0.1:9", "--set", "default.api.timeout.ms=2000",
                "--set", "request.timeout.ms=1000", "--team-id", TEAM, "--channel-id", CHANNEL, "--user-id", ALICE,
                "--message", "ping");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("Kafka at 127.0.0.1:9 failed", "--bootstrap-servers");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
    }
}
