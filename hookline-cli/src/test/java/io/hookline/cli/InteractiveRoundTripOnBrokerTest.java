package io.hookline.cli;

import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.http.HttpListener;
import io.hookline.runtime.service.HooklineService;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.interaction.InteractionEvent;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Buttons, menus and dialogs end to end, with this test playing the chat server: the real broker, every stage and the
 * integration API in process, and a real integration on 127.0.0.1 written as one writes it for Mattermost. A webhook
 * answers with a button and a menu; a click reaches the integration, which opens a dialog through the integration API
 * with the trigger id it got; the submission comes back with an inline error, then succeeds; the message is updated
 * and the clicker gets an ephemeral answer. Then a trigger id that is forged, altered or expired opens nothing.
 */
@ExtendWith(KafkaBrokerExtension.class)
class InteractiveRoundTripOnBrokerTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonSerde<PostCommand> COMMANDS = JsonSerde.of(PostCommand.class);
    private static final User CLICKER = new User(ALICE, "alice");
    private static final Channel TOWN_SQUARE = new Channel(CHANNEL, "town-square", "Town Square", "O", TEAM);
    private static final Team ENGINEERING = new Team(TEAM, "engineering", "Engineering");

    private final ServiceGroup services = new ServiceGroup(Duration.ofSeconds(30));
    private final HttpClient http = HttpClient.newHttpClient();
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> dialogOpens = new LinkedBlockingQueue<>();
    private HttpServer integration;
    private String integrationUrl;
    private String apiUrl;

    /** What the integration received: path and body. */
    private record Request(String path, Map<String, String> headers, JsonNode body) {
    }

    @AfterEach
    void stop() {
        services.close();
        if (integration != null) {
            integration.stop(0);
        }
    }

    @Test
    void aClickOpensADialogWhoseSubmissionIsCheckedAndTheMessageIsUpdated(KafkaBroker broker) throws Exception {
        HooklineConfig config = start(broker, "30");
        Topics topics = TopicSettings.topics(config);

        // a post "ticket" makes the webhook answer with a button and a menu
        PostEvent event = TownSquare.post("ticket login page is down", List.of());
        publish(config, topics.posts().name(), CHANNEL, event);
        PostCommand created = await(config, topics, c -> PostCommand.CREATE_POST.equals(c.type())).get(0);
        List<Map<String, Object>> actions = actionsOf(created.post().props());
        assertThat(actions).hasSize(2);
        for (Map<String, Object> action : actions) {
            // the chat server gets ids to route clicks by, derived from the command, and the integrations to call
            assertThat((String) action.get("id")).matches("[a-z0-9]{26}");
            assertThat(action).containsKey("integration");
        }
        String buttonId = (String) actions.get(0).get("id");

        // the chat server stores the post (its own id) and alice clicks the button
        String postId = Ids.newId();
        Map<String, Object> stored = storedPost(postId, created);
        InteractionEvent click = InteractionEvent.postAction(Ids.newId(), buttonId, "", stored, CLICKER, TOWN_SQUARE,
                ENGINEERING);
        publish(config, topics.interactions().name(), CHANNEL, click);

        // the integration receives Mattermost's request, with a trigger id it uses to open a dialog
        Request clicked = take("/actions/create");
        assertThat(clicked.headers()).containsEntry("user-agent", "Mattermost-Bot/1.1")
                .containsEntry("content-type", "application/json");
        JsonNode body = clicked.body();
        assertThat(fieldNames(body)).containsExactly("user_id", "user_name", "channel_id", "channel_name", "team_id",
                "team_domain", "post_id", "trigger_id", "type", "data_source", "context");
        assertThat(body.get("user_id").asText()).isEqualTo(ALICE);
        assertThat(body.get("user_name").asText()).isEqualTo("alice");
        assertThat(body.get("channel_name").asText()).isEqualTo("town-square");
        assertThat(body.get("team_domain").asText()).isEqualTo("engineering");
        assertThat(body.get("post_id").asText()).isEqualTo(postId);
        assertThat(body.get("type").asText()).isEqualTo("button");
        assertThat(body.get("context")).isEqualTo(Json.mapper().readTree("{\"ticket\":\"INC-42\"}"));
        assertThat(dialogOpens.poll(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(200);

        // the chat server gets: the dialog for alice, the updated post, her ephemeral answer, the click's result
        List<PostCommand> answers = await(config, topics, c -> click.id().equals(c.interactionId())
                && PostCommand.ACTION_RESULT.equals(c.type()));
        PostCommand result = only(answers, PostCommand.ACTION_RESULT, click.id());
        assertThat(result.error()).isNull();
        assertThat(result.userId()).isEqualTo(ALICE);
        String clientTriggerId = result.actionResponse().triggerId();
        assertThat(result.actionResponse().status()).isEqualTo("OK");
        assertThat(clientTriggerId).matches("[a-z0-9]{26}");

        PostCommand update = only(answers, PostCommand.UPDATE_POST, click.id());
        assertThat(update.updatedPost()).containsEntry("id", postId).containsEntry("message", "Ticket form opened");
        @SuppressWarnings("unchecked")
        Map<String, Object> props = (Map<String, Object>) update.updatedPost().get("props");
        // the integration replaced the props, but cannot drop the webhook marker the original post had
        assertThat(props).containsEntry("from_webhook", "true").containsKey("attachments");

        PostCommand ephemeral = only(answers, PostCommand.EPHEMERAL_POST, click.id());
        assertThat(ephemeral.userId()).isEqualTo(ALICE);
        assertThat(ephemeral.post().message()).isEqualTo("Opening [the form](https://tickets.example.com/new)");
        assertThat(ephemeral.post().rootId()).isEqualTo(postId);

        PostCommand dialog = await(config, topics, c -> PostCommand.OPEN_DIALOG.equals(c.type())).stream()
                .filter(c -> PostCommand.OPEN_DIALOG.equals(c.type())).findFirst().orElseThrow();
        assertThat(dialog.userId()).isEqualTo(ALICE);
        // the client matches the dialog with the trigger id its click returned
        assertThat(dialog.dialog().get("trigger_id").asText()).isEqualTo(clientTriggerId);
        assertThat(dialog.dialog().at("/dialog/title").asText()).isEqualTo("Create ticket");
        assertThat(dialog.dialog().at("/dialog/elements/0/min_length").asLong()).isEqualTo(10);

        // alice submits too short a summary: the integration's inline error comes back, the dialog stays open
        InteractionEvent first = submission(dialog, Map.of("summary", "broken"));
        publish(config, topics.interactions().name(), CHANNEL, first);
        Request submitted = take("/dialogs/ticket");
        assertThat(fieldNames(submitted.body())).containsExactly("type", "callback_id", "state", "user_id",
                "channel_id", "team_id", "submission", "cancelled");
        assertThat(submitted.body().get("type").asText()).isEqualTo("dialog_submission");
        assertThat(submitted.body().get("state").asText()).isEqualTo("INC-42");
        PostCommand rejected = only(await(config, topics, c -> first.id().equals(c.interactionId())),
                PostCommand.DIALOG_RESULT, first.id());
        assertThat(rejected.dialogResponse()).isEqualTo(Json.mapper().readTree(
                "{\"errors\":{\"summary\":\"At least 10 characters, please.\"}}"));

        // then a good one: the dialog closes
        InteractionEvent second = submission(dialog, Map.of("summary", "Login page returns 502 since 09:00"));
        publish(config, topics.interactions().name(), CHANNEL, second);
        take("/dialogs/ticket");
        PostCommand accepted = only(await(config, topics, c -> second.id().equals(c.interactionId())),
                PostCommand.DIALOG_RESULT, second.id());
        assertThat(accepted.error()).isNull();
        assertThat(accepted.dialogResponse()).isEqualTo(Json.mapper().readTree("{}"));

        // the menu: the selection reaches the integration in the context, and its update is applied
        Map<String, Object> updated = update.updatedPost();
        String menuId = (String) actionsOf(props).get(1).get("id");
        InteractionEvent select = InteractionEvent.postAction(Ids.newId(), menuId, "high", updated, CLICKER,
                TOWN_SQUARE, ENGINEERING);
        publish(config, topics.interactions().name(), CHANNEL, select);
        Request selected = take("/actions/priority");
        assertThat(selected.body().get("type").asText()).isEqualTo("select");
        assertThat(selected.body().get("context")).isEqualTo(Json.mapper().readTree(
                "{\"selected_option\":\"high\",\"ticket\":\"INC-42\"}"));
        PostCommand priority = only(await(config, topics, c -> select.id().equals(c.interactionId())
                && PostCommand.ACTION_RESULT.equals(c.type())), PostCommand.UPDATE_POST, select.id());
        assertThat(priority.updatedPost()).containsEntry("message", "Ticket form opened; priority high");
    }

    @Test
    void aForgedAlteredOrExpiredTriggerIdOpensNothing(KafkaBroker broker) throws Exception {
        HooklineConfig config = start(broker, "2");
        Topics topics = TopicSettings.topics(config);
        publish(config, topics.posts().name(), CHANNEL, TownSquare.post("ticket", List.of()));
        PostCommand created = await(config, topics, c -> PostCommand.CREATE_POST.equals(c.type())).get(0);
        // the integration does not open the dialog for this click: the test keeps the trigger id for itself
        String buttonId = (String) actionsOf(created.post().props()).get(0).get("id");
        InteractionEvent click = InteractionEvent.postAction(Ids.newId(), buttonId, "", storedPost(Ids.newId(),
                created), CLICKER, TOWN_SQUARE, ENGINEERING);
        openDialogs = false;
        publish(config, topics.interactions().name(), CHANNEL, click);
        String triggerId = take("/actions/create").body().get("trigger_id").asText();

        String[] parts = new String(Base64.getDecoder().decode(triggerId), StandardCharsets.UTF_8).split(":", -1);
        String altered = b64(parts[0] + ":" + BOT + ":" + parts[2] + ":" + parts[3]);
        assertError(open(altered), "interactive_message.decode_trigger_id.verify_signature_failed");
        String forged = b64(parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + b64("made up"));
        assertError(open(forged), "interactive_message.decode_trigger_id.signature_decode_failed");
        assertThat(open(triggerId).statusCode()).as("the genuine id, still fresh").isEqualTo(200);
        Thread.sleep(2_100);
        HttpResponse<String> expired = open(triggerId);
        assertError(expired, "interactive_message.decode_trigger_id.expired");
        assertThat(Json.mapper().readTree(expired.body()).get("message").asText())
                .isEqualTo("Trigger ID for interactive dialog is expired. Trigger IDs live for a maximum of 2s.");

        // exactly one dialog was opened: the genuine one
        List<ConsumerRecord<String, PostCommand>> all = TopicRecords.readAll(
                config.require(Settings.BOOTSTRAP_SERVERS), topics.postCommands().name(), COMMANDS.deserializer());
        assertThat(all.stream().filter(r -> PostCommand.OPEN_DIALOG.equals(r.value().type()))).hasSize(1);
    }

    private volatile boolean openDialogs = true;

    private HooklineConfig start(KafkaBroker broker, String timeoutSeconds) throws Exception {
        integration = HttpListener.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        integrationUrl = "http://127.0.0.1:" + integration.getAddress().getPort();
        integration.createContext("/", this::serve);
        integration.start();
        HooklineConfig config = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT.name(), timeoutSeconds).provisioned();
        OutgoingWebhook hook = new OutgoingWebhook(Ids.newId(), "tokentokentokentokentoken1", 1_764_150_000_000L,
                1_764_150_000_000L, 0, BOT, CHANNEL, TEAM, List.of("ticket"),
                OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH, List.of(integrationUrl + "/hook"), "Ticket bot", "",
                "application/json", "", "", null);
        publish(config, TopicSettings.topics(config).webhookConfigs().name(), hook.id(), hook);
        List<HooklineService> all = Stage.createAll(List.of(Stage.values()), config);
        services.start(all, WAIT);
        apiUrl = all.stream().filter(s -> s.name().equals("integration-api")).findFirst().orElseThrow().endpoints()
                .get("integration-api");
        return config;
    }

    /** The integration, as one writes it for Mattermost. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = Json.mapper().readTree(exchange.getRequestBody().readAllBytes());
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    v.get(0)));
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(path, headers, body));
            String answer = switch (path) {
                case "/hook" -> """
                        {"text": "New ticket?", "attachments": [{"text": "INC-42", "actions": [
                          {"type": "button", "name": "Create ticket",
                           "integration": {"url": "%1$s/actions/create", "context": {"ticket": "INC-42"}}},
                          {"type": "select", "name": "Priority",
                           "options": [{"text": "Low", "value": "low"}, {"text": "High", "value": "high"}],
                           "integration": {"url": "%1$s/actions/priority", "context": {"ticket": "INC-42"}}}]}]}"""
                        .formatted(integrationUrl);
                case "/actions/create" -> {
                    if (openDialogs) {
                        dialogOpens.add(open(body.get("trigger_id").asText()).statusCode());
                    }
                    yield """
                            {"update": {"message": "Ticket form opened", "props": {"attachments": %s}},
                             "ephemeral_text": "Opening <https://tickets.example.com/new|the form>"}"""
                            .formatted(Json.mapper().writeValueAsString(attachmentsOf(body)));
                }
                case "/actions/priority" -> """
                        {"update": {"message": "Ticket form opened; priority %s"}}"""
                        .formatted(body.at("/context/selected_option").asText());
                case "/dialogs/ticket" -> body.at("/submission/summary").asText().length() < 10
                        ? "{\"errors\": {\"summary\": \"At least 10 characters, please.\"}}" : "";
                default -> "";
            };
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The same two actions again (the integration keeps its buttons after the update). */
    private List<Map<String, Object>> attachmentsOf(JsonNode click) {
        return List.of(Map.of("text", "INC-42", "actions", List.of(
                Map.of("type", "button", "name", "Create ticket", "integration",
                        Map.of("url", integrationUrl + "/actions/create", "context", Map.of("ticket", "INC-42"))),
                Map.of("type", "select", "name", "Priority",
                        "options", List.of(Map.of("text", "Low", "value", "low"), Map.of("text", "High", "value",
                                "high")),
                        "integration", Map.of("url", integrationUrl + "/actions/priority", "context",
                                Map.of("ticket", "INC-42"))))));
    }

    private HttpResponse<String> open(String triggerId) throws IOException, InterruptedException {
        String dialog = """
                {"trigger_id": "%s", "url": "%s/dialogs/ticket", "dialog": {"callback_id": "ticket",
                 "title": "Create ticket", "state": "INC-42", "submit_label": "Create", "notify_on_cancel": true,
                 "elements": [{"display_name": "Summary", "name": "summary", "type": "text", "min_length": 10,
                               "max_length": 120, "placeholder": "One line", "help_text": "Shown in lists"},
                              {"display_name": "Urgent", "name": "urgent", "type": "bool", "optional": true}]}}"""
                .formatted(triggerId, integrationUrl);
        return http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v4/actions/dialogs/open"))
                .POST(HttpRequest.BodyPublishers.ofString(dialog)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static InteractionEvent submission(PostCommand dialog, Map<String, Object> values) {
        return InteractionEvent.dialogSubmission(Ids.newId(), dialog.dialog().get("url").asText(),
                dialog.dialog().at("/dialog/callback_id").asText(), dialog.dialog().at("/dialog/state").asText(),
                values, false, "", CLICKER, TOWN_SQUARE, ENGINEERING);
    }

    /** The post as the chat server stores it after a {@code create_post}: its own id and the fields it sets. */
    private static Map<String, Object> storedPost(String id, PostCommand created) {
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("id", id);
        post.put("create_at", 1_764_150_013_000L);
        post.put("update_at", 1_764_150_013_000L);
        post.put("edit_at", 0);
        post.put("delete_at", 0);
        post.put("is_pinned", false);
        post.put("user_id", created.post().userId());
        post.put("channel_id", created.post().channelId());
        post.put("root_id", created.post().rootId());
        post.put("original_id", "");
        post.put("message", created.post().message());
        post.put("type", created.post().type());
        post.put("props", created.post().props());
        post.put("hashtags", "");
        post.put("file_ids", List.of());
        return post;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> actionsOf(Map<String, Object> props) {
        List<Map<String, Object>> attachments = (List<Map<String, Object>>) props.get("attachments");
        return (List<Map<String, Object>>) attachments.get(0).get("actions");
    }

    private Request take(String path) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Request r = requests.poll(1, TimeUnit.SECONDS);
            if (r != null && r.path().equals(path)) {
                return r;
            }
        }
        throw new AssertionError("no request to " + path + " within " + WAIT);
    }

    private static List<PostCommand> await(HooklineConfig config, Topics topics, Predicate<PostCommand> last) {
        List<PostCommand> seen = new ArrayList<>();
        for (ConsumerRecord<String, PostCommand> r : TopicRecords.readUntil(config.require(Settings.BOOTSTRAP_SERVERS),
                topics.postCommands().name(), COMMANDS.deserializer(), WAIT,
                rs -> rs.stream().anyMatch(x -> last.test(x.value())))) {
            seen.add(r.value());
        }
        return seen;
    }

    private static PostCommand only(List<PostCommand> commands, String type, String interactionId) {
        List<PostCommand> of = commands.stream().filter(c -> type.equals(c.type())
                && interactionId.equals(c.interactionId())).toList();
        assertThat(of).as("%s answering %s in %s", type, interactionId, commands).hasSize(1);
        return of.get(0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertError(HttpResponse<String> response, String id) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).get("id").asText()).isEqualTo(id);
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Written as the topic's own serde writes it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void publish(HooklineConfig config, String topic, String key, Object value) throws Exception {
        byte[] bytes = JsonSerde.of((Class) value.getClass()).serializer().serialize(topic, value);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.require(Settings.BOOTSTRAP_SERVERS)),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, bytes)).get();
        }
    }
}
