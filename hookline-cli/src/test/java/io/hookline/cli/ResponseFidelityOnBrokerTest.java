package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSchemas;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mattermost's reading of a callback's answer, through the running pipeline against a real callback server: a body
 * Go's decoder refuses ({@code "short": null}) makes no post and is dead-lettered naming the field; field values are
 * stringified as Go's {@code %v} prints them; a {@code me} post type is kept; props {@code CreatePost} strips are
 * not in the command.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ResponseFidelityOnBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static final String REFUSED = """
            {"text": "never posted", "attachments": [{"fields": [{"title": "n", "value": 1, "short": null}]}]}""";
    private static final String ACCEPTED = """
            {"text": "stats", "type": "me", "props": {"force_notification": true, "add_channel_member": {}, "k": 1},
             "attachments": [{"fields": [{"title": "million", "value": 1000000}, {"title": "one", "value": 1.0},
                                         {"title": "map", "value": {"b": "x", "a": 1}},
                                         {"title": "list", "value": [1, "two", null]}, {"title": "flag", "value": true}]}]}""";

    private final MockWebServer callback = new MockWebServer();
    private final ServiceGroup services = new ServiceGroup(Duration.ofSeconds(30));

    @AfterEach
    void stop() {
        services.close();
        callback.close();
    }

    @Test
    void aRefusedBodyIsDeadLetteredNamingTheFieldAndAnAcceptedOneIsPostedAsMattermostWould(KafkaBroker broker)
            throws Exception {
        callback.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String body = request.getBody().utf8();
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(body.contains("\"trigger_word\":\"bad\"") ? REFUSED : ACCEPTED).build();
            }
        });
        callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        IsolatedConfig isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1");
        Topics topics = isolated.topics();
        CliRun.Result created = CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id",
                CHANNEL, "--trigger-word", "bad", "--trigger-word", "stats", "--callback-url",
                callback.url("/hook").toString(), "--creator-id", BOT));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        services.start(Stage.createAll(List.of(Stage.values()), isolated.config()), WAIT);
        for (String message : List.of("bad", "stats")) {
            CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                    "--user-id", ALICE, "--message", message));
            assertThat(post.exitCode()).as(post.toString()).isZero();
        }

        List<ConsumerRecord<String, byte[]>> deadLetters = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.deadLetters().name(), new ByteArrayDeserializer(), WAIT, seen -> !seen.isEmpty());
        assertThat(deadLetters).singleElement().satisfies(r -> {
            assertThat(header(r, "hookline.dlq.stage")).isEqualTo("ingestor");
            assertThat(header(r, "hookline.dlq.reason")).contains(
                    "attachments[0].fields[0].short must be true, false, \"true\" or \"false\", got null");
        });

        List<ConsumerRecord<String, String>> commands = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.postCommands().name(), new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
        assertThat(commands).singleElement().satisfies(r -> {
            JsonNode command = Json.mapper().readTree(r.value());
            assertThat(new JsonSchemas().problems(JsonSchemas.POST_COMMAND, command)).isEmpty();
            JsonNode post = command.get("post");
            assertThat(post.get("message").asText()).isEqualTo("stats");
            assertThat(post.get("type").asText()).isEqualTo("me");
            JsonNode props = post.get("props");
            assertThat(props.has("force_notification")).isFalse();
            assertThat(props.has("add_channel_member")).isFalse();
            assertThat(props.get("k").asInt()).isEqualTo(1);
            JsonNode fields = props.get("attachments").get(0).get("fields");
            assertThat(fields.findValuesAsText("value"))
                    .containsExactly("1e+06", "1", "map[a:1 b:x]", "[1 two <nil>]", "true");
        });
    }

    private static String header(ConsumerRecord<String, byte[]> record, String key) {
        Header h = record.headers().lastHeader(key);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
