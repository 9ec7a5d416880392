package io.hookline.cli.console.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.IsolatedConfig;
import io.hookline.cli.console.Console;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.command.CommandPost;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.interaction.ActionResponse;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The playground's API on a real broker, with this test playing the pipeline: posts published as the chosen user
 * and channel, a channel view streamed from {@code post-commands} (without integrations, ephemeral posts only to
 * their user, dialogs after the click's result), clicks and dialog submissions written to {@code interactions}, and
 * the field errors of bad requests.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PlaygroundApiOnBrokerTest {

    static final String TOWN = ChannelModelTest.TOWN;
    static final String ALICE = ChannelModelTest.ALICE;
    static final String BOB = ChannelModelTest.BOB;

    private final HttpClient http = HttpClient.newHttpClient();
    private Console console;
    private HooklineConfig config;
    private Topics topics;
    private InputStream stream;

    /** One event of the stream. */
    record Event(String name, JsonNode data) {
    }

    @AfterEach
    void stop() throws Exception {
        if (stream != null) {
            stream.close();
        }
        if (console != null) {
            console.close();
        }
    }

    private void start(KafkaBroker broker) {
        IsolatedConfig isolated = new IsolatedConfig(broker).with("hookline.console-port", "0");
        config = isolated.provisioned();
        topics = isolated.topics();
        console = Console.start(config, List.of());
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url() + path))
                .header("Content-Type", "application/json").header("X-Hookline-Console", "1")
                .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the channel view; its events arrive on the queue returned. */
    private BlockingQueue<Event> open(String channel, String user) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(console.url()
                + "/api/playground/stream?channel_id=" + channel + "&user_id=" + user)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        stream = response.body();
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String name = null;
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("data: ")) {
                        events.add(new Event(name, Json.mapper().readTree(line.substring(6))));
                    }
                }
            } catch (Exception e) {
                // the test closed the stream
            }
        });
        reader.setDaemon(true);
        reader.start();
        return events;
    }

    private static Event next(BlockingQueue<Event> events) throws InterruptedException {
        Event e = events.poll(30, TimeUnit.SECONDS);
        assertThat(e).as("an event within 30 s").isNotNull();
        return e;
    }

    private <V> void publish(Topic<String, V> topic, String key, V value) {
        new KafkaClients(config).send(topic.keySerde().serializer(), topic.valueSerde().serializer(),
                List.of(new ProducerRecord<>(topic.name(), key, value)), m -> { }, "a test record");
    }

    /** Every value of {@code topic} now on it that matches. */
    private <V> List<V> read(Topic<String, V> topic, Predicate<V> wanted) {
        List<V> found = new ArrayList<>();
        try (TopicReader reader = new TopicReader(new KafkaClients(config).rawConsumer(), topic.name())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                V v = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
                if (wanted.test(v)) {
                    found.add(v);
                }
            }, () -> true);
        }
        return found;
    }

    private static Map<String, Object> seat(String user, String username) {
        return new java.util.LinkedHashMap<>(Map.of("user_id", user, "username", username, "channel_id", TOWN,
                "channel_name", "town-square", "team_id", ChannelModelTest.TEAM, "team_name", "engineering"));
    }

    private static Map<String, Object> with(Map<String, Object> seat, Object... pairs) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(seat);
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void postsClicksAndDialogsGoToTheTopicsAndTheChannelViewShowsWhatComesBack(KafkaBroker broker) throws Exception {
        start(broker);
        BlockingQueue<Event> alice = open(TOWN, ALICE);
        Event snapshot = next(alice);
        assertThat(snapshot.name()).isEqualTo("snapshot");
        assertThat(snapshot.data().path("posts").size()).isZero();

        // a post is published on posts as the chosen user and channel, and comes back to the view
        HttpResponse<String> posted = post("/api/playground/posts", with(seat(ALICE, "alice"), "message", "ticket"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String postId = Json.mapper().readTree(posted.body()).path("id").asText();
        Event mine = next(alice);
        assertThat(mine.name()).isEqualTo("post");
        assertThat(mine.data().at("/post/id").asText()).isEqualTo(postId);
        assertThat(mine.data().path("username").asText()).isEqualTo("alice");
        List<PostEvent> published = read(topics.posts(), e -> postId.equals(e.post().id()));
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.post().message()).isEqualTo("ticket");
            assertThat(e.channel().name()).isEqualTo("town-square");
            assertThat(e.team().name()).isEqualTo("engineering");
            assertThat(e.user().username()).isEqualTo("alice");
        });

        // the webhook's answer: shown without its integration, clickable with it
        PostCommand created = ChannelModelTest.created("cmd00000000000000000000001", TOWN, postId, "Ticket?",
                ChannelModelTest.json(ChannelModelTest.WITH_BUTTON));
        publish(topics.postCommands(), TOWN, created);
        Event answer = next(alice);
        assertThat(answer.data().at("/post/root_id").asText()).isEqualTo(postId);
        assertThat(answer.data().toString()).contains("createticket").doesNotContain("integration");

        HttpResponse<String> clicked = post("/api/playground/actions", with(seat(ALICE, "alice"),
                "post_id", "cmd00000000000000000000001", "action_id", "createticket"));
        assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(202);
        String clickId = Json.mapper().readTree(clicked.body()).path("interaction_id").asText();
        assertThat(read(topics.interactions(), e -> clickId.equals(e.id()))).singleElement().satisfies(e -> {
            assertThat(e.isPostAction()).isTrue();
            assertThat(e.actionId()).isEqualTo("createticket");
            assertThat(Json.mapper().writeValueAsString(e.post())).contains("http://127.0.0.1:9/act");
            assertThat(e.user().id()).isEqualTo(ALICE);
            assertThat(e.channel().id()).isEqualTo(TOWN);
        });

        // bob's ephemeral post never reaches alice's view; what follows it does
        publish(topics.postCommands(), TOWN, PostCommand.ephemeralPost("eph00000000000000000000001", "x", BOB,
                new CommandPost(TOWN, "", BOB, "for bob only", "", Map.of(), null)));
        publish(topics.postCommands(), TOWN, ChannelModelTest.created("cmd00000000000000000000002", TOWN, "",
                "for everyone", Map.of()));
        assertThat(next(alice).data().at("/post/message").asText()).isEqualTo("for everyone");

        // the click's result, then the dialog it opened (in the other order on the topic: still in this one)
        JsonNode request = Json.mapper().readTree("{\"trigger_id\":\"trig0000000000000000000001\",\"url\":"
                + "\"http://127.0.0.1:9/dialogs/ticket\",\"dialog\":{\"callback_id\":\"ticket\",\"title\":\"Ticket\","
                + "\"state\":\"s1\",\"elements\":[{\"display_name\":\"Summary\",\"name\":\"summary\",\"type\":\"text\"}]}}");
        publish(topics.postCommands(), ALICE, PostCommand.openDialog("dlg00000000000000000000001", "trig0000000000000000000001",
                ALICE, request));
        publish(topics.postCommands(), TOWN, PostCommand.actionResult("res00000000000000000000001", clickId, ALICE,
                ActionResponse.ok("trig0000000000000000000001"), null));
        Event result = next(alice);
        assertThat(result.name()).isEqualTo("action_result");
        assertThat(result.data().path("interaction_id").asText()).isEqualTo(clickId);
        assertThat(result.data().at("/response/trigger_id").asText()).isEqualTo("trig0000000000000000000001");
        Event opened = next(alice);
        assertThat(opened.name()).isEqualTo("open_dialog");
        assertThat(opened.data().path("dialog_id").asText()).isEqualTo("dlg00000000000000000000001");
        assertThat(opened.data().at("/dialog/title").asText()).isEqualTo("Ticket");

        HttpResponse<String> submitted = post("/api/playground/dialogs/dlg00000000000000000000001/submit",
                with(seat(ALICE, "alice"), "submission", Map.of("summary", "Disk full")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String submitId = Json.mapper().readTree(submitted.body()).path("interaction_id").asText();
        List<InteractionEvent> submissions = read(topics.interactions(), e -> submitId.equals(e.id()));
        assertThat(submissions).singleElement().satisfies(e -> {
            assertThat(e.isDialogSubmission()).isTrue();
            assertThat(e.url()).isEqualTo("http://127.0.0.1:9/dialogs/ticket");
            assertThat(e.callbackId()).isEqualTo("ticket");
            assertThat(e.state()).isEqualTo("s1");
            assertThat(e.submission()).containsEntry("summary", "Disk full");
            assertThat(e.user().id()).isEqualTo(ALICE);
        });
        // the dialog was opened for alice: bob cannot submit it; a cancel nobody asked about is not sent
        assertThat(post("/api/playground/dialogs/dlg00000000000000000000001/submit", seat(BOB, "bob")).statusCode())
                .isEqualTo(404);
        HttpResponse<String> cancel = post("/api/playground/dialogs/dlg00000000000000000000001/cancel",
                seat(ALICE, "alice"));
        assertThat(cancel.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(cancel.body()).path("published").asBoolean()).isFalse();
    }

    @Test
    void badRequestsAreRefusedWithTheProblemAtItsField(KafkaBroker broker) throws Exception {
        start(broker);
        HttpResponse<String> bad = post("/api/playground/posts", with(seat("alice", "alice"), "message", ""));
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = Json.mapper().readTree(bad.body());
        List<String> fields = new ArrayList<>();
        error.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("user_id", "message");
        assertThat(error.path("errors").get(0).path("message").asText()).contains("a Mattermost id");

        HttpResponse<String> seat = post("/api/playground/seat", with(seat(ALICE, "alice"), "channel_id", "town"));
        assertThat(seat.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(seat.body()).path("field").asText()).isEqualTo("channel_id");
        assertThat(post("/api/playground/seat", seat(ALICE, "alice")).statusCode()).isEqualTo(200);

        HttpResponse<String> unknown = post("/api/playground/actions", with(seat(ALICE, "alice"),
                "post_id", "nosuch00000000000000000001", "action_id", "x"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> noStream = http.send(HttpRequest.newBuilder(URI.create(console.url()
                + "/api/playground/stream?channel_id=" + TOWN)).build(), HttpResponse.BodyHandlers.ofString());
        // the stream's headers are sent before the route runs: a view without a user ends at once, empty
        assertThat(noStream.body()).doesNotContain("event:");
    }
}
