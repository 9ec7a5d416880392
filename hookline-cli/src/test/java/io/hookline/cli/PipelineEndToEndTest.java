package io.hookline.cli;

import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.runtime.topic.TopicSettings;
import static io.hookline.cli.TownSquare.ALICE;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.kafkatest.SelfSignedTls;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.JsonSchemas;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end: the real broker, matcher, dispatcher and ingestor in process, a real HTTP callback
 * server. A hook record and a post {@code ping} go in; the callback must receive Mattermost's request exactly, and its
 * {@code {"text": "pong"}} must come out as a {@code create_post} command.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineEndToEndTest {

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
    void aPingInTheHooksChannelComesBackAsAPongPost(KafkaBroker broker) throws Exception {
        startCallbackAnsweringPong(1);
        // the literal IP, as allowed: MockWebServer's own URLs name "localhost", which only a CIDR entry allows
        String url = "http://127.0.0.1:" + callback.getPort() + "/hooks/pong";

        HooklineConfig config = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1").provisioned();
        Topics topics = TopicSettings.topics(config);

        OutgoingWebhook hook = new OutgoingWebhook(Ids.newId(), "tokentokentokentokentoken1", 1_764_150_000_000L,
                1_764_150_000_000L, 0, BOT, CHANNEL, TEAM, List.of("ping"), OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH,
                List.of(url), "Pong bot", "answers ping", "application/json", "", "",
                "whsec_" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(
                        StandardCharsets.UTF_8)));
        PostEvent event = TownSquare.post("ping", List.of("file1", "file2"));
        Post post = event.post();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topics.webhookConfigs().name(), hook.id(),
                    Json.mapper().writeValueAsString(hook))).get();
            // The matcher restores its hook table before start() returns, so the hook is known to it for sure;
            // written while it runs, the hook and the post would race (a global table has its own thread).
            services.start(Stage.createAll(List.of(Stage.values()), config), WAIT);
            producer.send(new ProducerRecord<>(topics.posts().name(), CHANNEL, Json.mapper().writeValueAsString(event)))
                    .get();
        }

        RecordedRequest request = callback.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("callback request within %s", WAIT).isNotNull();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/hooks/pong");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(request.getHeaders().get("User-Agent")).isEqualTo("Mattermost-Bot/1.1");

        String body = request.getBody().utf8();
        JsonNode payload = Json.mapper().readTree(body);
        assertThat(fieldNames(payload)).containsExactlyInAnyOrder("token", "team_id", "team_domain", "channel_id",
                "channel_name", "timestamp", "user_id", "user_name", "post_id", "text", "trigger_word", "file_ids");
        assertThat(payload.get("token").asText()).isEqualTo(hook.token());
        assertThat(payload.get("team_id").asText()).isEqualTo(TEAM);
        assertThat(payload.get("team_domain").asText()).isEqualTo("engineering");
        assertThat(payload.get("channel_id").asText()).isEqualTo(CHANNEL);
        assertThat(payload.get("channel_name").asText()).isEqualTo("town-square");
        assertThat(payload.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(payload.get("timestamp").asLong()).isEqualTo(post.createAt());
        assertThat(payload.get("user_id").asText()).isEqualTo(ALICE);
        assertThat(payload.get("user_name").asText()).isEqualTo("alice");
        assertThat(payload.get("post_id").asText()).isEqualTo(post.id());
        assertThat(payload.get("text").asText()).isEqualTo("ping");
        assertThat(payload.get("trigger_word").asText()).isEqualTo("ping");
        assertThat(payload.get("file_ids").asText()).isEqualTo("file1,file2");

        // Standard Webhooks signature, recomputed here from the hook's secret.
        String id = request.getHeaders().get("webhook-id");
        String timestamp = request.getHeaders().get("webhook-timestamp");
        assertThat(id).isNotBlank();
        assertThat(timestamp).matches("\\d+");
        assertThat(WebhookSignatures.of(request)).contains(WebhookSignatures.expected(request, hook.signingSecret()));

        List<ConsumerRecord<String, String>> commands = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.postCommands().name(), new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
        ConsumerRecord<String, String> record = commands.get(0);
        assertThat(record.key()).isEqualTo(CHANNEL);
        JsonNode commandJson = Json.mapper().readTree(record.value());
        assertThat(new JsonSchemas().problems(JsonSchemas.POST_COMMAND, commandJson)).isEmpty();

        PostCommand command = Json.mapper().treeToValue(commandJson, PostCommand.class);
        assertThat(command.type()).isEqualTo(PostCommand.CREATE_POST);
        assertThat(command.id()).hasSize(26);
        assertThat(command.post().message()).isEqualTo("pong");
        assertThat(command.post().channelId()).isEqualTo(CHANNEL);
        assertThat(command.post().userId()).isEqualTo(BOT);
        assertThat(command.post().rootId()).isEmpty();
        assertThat(command.post().props()).containsEntry("from_webhook", "true")
                .containsEntry("webhook_display_name", "Pong bot");
        assertThat(command.origin().hookId()).isEqualTo(hook.id());
        assertThat(command.origin().postId()).isEqualTo(post.id());
        assertThat(command.origin().callbackUrl()).isEqualTo(url);
        assertThat(record.value()).doesNotContain(hook.token(), hook.signingSecret());

        assertThat(callback.getRequestCount()).as("one callback for one matched post").isEqualTo(1);
    }

    /**
     * Mattermost's request byte for byte through the whole pipeline: a JSON hook whose callback URL carries a user
     * and password, and a form hook whose URL carries a lone user name (an API key). Each callback gets the body Go
     * writes (escapes as {@code encoding/json} and {@code url.QueryEscape} make them), Mattermost's User-Agent, and
     * the URL's credentials only as {@code Authorization: Basic}; the outcomes and post commands name the URLs with
     * their password masked.
     */
    @Test
    void theRequestIsMattermostsByteForByteAndUrlCredentialsBecomeBasicAuthorization(KafkaBroker broker)
            throws Exception {
        startCallbackAnsweringPong(2);
        String hostPort = "127.0.0.1:" + callback.getPort();
        String jsonUrl = "http://relay:p%40ss+w0rd@" + hostPort + "/hooks/json?x=1";
        String formUrl = "http://apik3y@" + hostPort + "/hooks/form";

        HooklineConfig config = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1").provisioned();
        Topics topics = TopicSettings.topics(config);
        OutgoingWebhook json = new OutgoingWebhook(Ids.newId(), "tokenjsontokenjsontokenjs1", 1_764_150_000_000L,
                1_764_150_000_000L, 0, BOT, CHANNEL, TEAM, List.of("ping"), OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH,
                List.of(jsonUrl), "Json bot", "", "application/json", "", "", null);
        OutgoingWebhook form = json.withId(Ids.newId()).withToken("tokenformtokenformtokenfo1")
                .withCallbackUrls(List.of(formUrl)).withContentType("").withDisplayName("Form bot");
        PostEvent event = TownSquare.post("ping <b>&\u2028~*' \u00e9", List.of());
        Post post = event.post();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (OutgoingWebhook hook : List.of(json, form)) {
                producer.send(new ProducerRecord<>(topics.webhookConfigs().name(), hook.id(),
                        Json.mapper().writeValueAsString(hook))).get();
            }
            services.start(Stage.createAll(List.of(Stage.values()), config), WAIT);
            producer.send(new ProducerRecord<>(topics.posts().name(), CHANNEL, Json.mapper().writeValueAsString(event)))
                    .get();
        }

        Map<String, RecordedRequest> byTarget = takeRequests(2);
        assertThat(byTarget).containsOnlyKeys("/hooks/json?x=1", "/hooks/form");
        RecordedRequest jsonRequest = byTarget.get("/hooks/json?x=1");
        RecordedRequest formRequest = byTarget.get("/hooks/form");
        for (RecordedRequest request : List.of(jsonRequest, formRequest)) {
            assertThat(request.getHeaders().get("Host")).isEqualTo(hostPort);
            assertThat(request.getHeaders().get("User-Agent")).isEqualTo("Mattermost-Bot/1.1");
            assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
            assertThat(request.getHeaders().names()).doesNotContain("webhook-signature");
        }
        // Go: the userinfo percent-decoded, + kept, a lone user name followed by ":"
        assertThat(jsonRequest.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("relay:p@ss+w0rd".getBytes(StandardCharsets.UTF_8)));
        assertThat(formRequest.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString("apik3y:".getBytes(StandardCharsets.UTF_8)));
        assertThat(jsonRequest.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(formRequest.getHeaders().get("Content-Type"))
                .isEqualTo("application/x-www-form-urlencoded");

        assertThat(jsonRequest.getBody().utf8()).isEqualTo("{\"token\":\"tokenjsontokenjsontokenjs1\",\"team_id\":\""
                + TEAM + "\",\"team_domain\":\"engineering\",\"channel_id\":\"" + CHANNEL + "\",\"channel_name\":"
                + "\"town-square\",\"timestamp\":" + post.createAt() + ",\"user_id\":\"" + ALICE + "\",\"user_name\":"
                + "\"alice\",\"post_id\":\"" + post.id() + "\","
                + "\"text\":\"ping \\u003cb\\u003e\\u0026\\u2028~*' \u00e9\","
                + "\"trigger_word\":\"ping\",\"file_ids\":\"\"}");
        assertThat(formRequest.getBody().utf8()).isEqualTo("channel_id=" + CHANNEL + "&channel_name=town-square"
                + "&file_ids=&post_id=" + post.id() + "&team_domain=engineering&team_id=" + TEAM
                + "&text=ping+%3Cb%3E%26%E2%80%A8~%2A%27+%C3%A9&timestamp=" + post.createAt() / 1000
                + "&token=tokenformtokenformtokenfo1&trigger_word=ping&user_id=" + ALICE + "&user_name=alice");

        List<ConsumerRecord<String, String>> outcomes = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.webhookResponses().name(), new StringDeserializer(), WAIT, seen -> seen.size() >= 2);
        assertThat(outcomes).extracting(r -> Json.mapper().readTree(r.value()).get("trigger").get("callback_url")
                .asText()).containsExactlyInAnyOrder("http://relay:****@" + hostPort + "/hooks/json?x=1",
                "http://****@" + hostPort + "/hooks/form");
        List<ConsumerRecord<String, String>> commands = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.postCommands().name(), new StringDeserializer(), WAIT, seen -> seen.size() >= 2);
        for (ConsumerRecord<String, String> r : java.util.stream.Stream.concat(outcomes.stream(), commands.stream())
                .toList()) {
            assertThat(r.value()).doesNotContain("p%40ss").doesNotContain("apik3y");
        }
    }

    /**
     * {@code hooks rotate-secret} end to end: two hooks in the channel, both rotated through the command before the
     * matcher starts (its start restores the table, so no race with the post). One keeps its old secret for an hour,
     * the other's one-second grace is over before the post: the first callback must get a valid {@code v1,}
     * signature for the new and for the old secret, the second only one, for the new secret.
     */
    @Test
    void afterRotateSecretTheCallbackGetsASignatureForEachSecretUntilTheGraceEnds(KafkaBroker broker)
            throws Exception {
        startCallbackAnsweringPong(2);
        IsolatedConfig isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1");

        // the literal IP, as allowed: MockWebServer's own URLs name "localhost", which only a CIDR entry would allow
        String base = "http://127.0.0.1:" + callback.getPort();
        OutgoingWebhook inGrace = createAndRotate(isolated, base + "/in-grace", "1h");
        OutgoingWebhook graceOver = createAndRotate(isolated, base + "/grace-over", "1s");
        assertThat(inGrace.previousSigningSecret()).isNotNull();
        assertThat(graceOver.previousSigningSecretExpiresAt()).isPositive();
        Await.until(() -> System.currentTimeMillis() > graceOver.previousSigningSecretExpiresAt(),
                Duration.ofSeconds(30), () -> "the 1 s grace period of the rotated secret to pass");

        services.start(Stage.createAll(List.of(Stage.values()), isolated.config()), WAIT);
        CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                "--user-id", ALICE, "--message", "ping"));
        assertThat(post.exitCode()).as(post.toString()).isZero();

        Map<String, RecordedRequest> byPath = takeRequests(2);
        assertThat(byPath).containsOnlyKeys("/in-grace", "/grace-over");

        assertThat(WebhookSignatures.of(byPath.get("/in-grace"))).containsExactly(
                WebhookSignatures.expected(byPath.get("/in-grace"), inGrace.signingSecret()),
                WebhookSignatures.expected(byPath.get("/in-grace"), inGrace.previousSigningSecret()));
        assertThat(WebhookSignatures.of(byPath.get("/grace-over"))).containsExactly(
                WebhookSignatures.expected(byPath.get("/grace-over"), graceOver.signingSecret()));
        assertThat(WebhookSignatures.of(byPath.get("/grace-over"))).doesNotContain(
                WebhookSignatures.expected(byPath.get("/grace-over"), graceOver.previousSigningSecret()));
    }

    /**
     * Mattermost reads only the first JSON value of a response: a value complete before the timeout is a post though
     * the body's end would come long after it, and what follows the value is never read. Only that value goes to
     * {@code webhook-responses}.
     */
    @Test
    void aFirstValueCompleteBeforeTheTimeoutIsAPostThoughTheBodyEndsMuchLater(KafkaBroker broker) throws Exception {
        String value = "{\"text\": \"first\"}";
        Buffer body = new Buffer().writeUtf8(value + " {\"text\": \"second\"}");
        body.write(new byte[1 << 20]);
        // 64 bytes every 100 ms: the value arrives at once, the whole body would take half an hour
        callback.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body(body).throttleBody(64, 100, TimeUnit.MILLISECONDS).build());
        callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        IsolatedConfig isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with(Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT.name(), "5");
        String url = "http://127.0.0.1:" + callback.getPort() + "/first";
        CliRun.Result created = CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id",
                CHANNEL, "--trigger-word", "ping", "--callback-url", url, "--creator-id", BOT));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        services.start(Stage.createAll(List.of(Stage.values()), isolated.config()), WAIT);
        CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                "--user-id", ALICE, "--message", "ping"));
        assertThat(post.exitCode()).as(post.toString()).isZero();

        Topics topics = TopicSettings.topics(isolated.config());
        List<ConsumerRecord<String, String>> commands = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.postCommands().name(), new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
        assertThat(Json.mapper().readValue(commands.get(0).value(), PostCommand.class).post().message())
                .isEqualTo("first");
        List<ConsumerRecord<String, String>> outcomes = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.webhookResponses().name(), new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
        DeliveryOutcome outcome = Json.mapper().readValue(outcomes.get(0).value(), DeliveryOutcome.class);
        assertThat(outcome.status()).isEqualTo(DeliveryOutcome.SUCCEEDED);
        assertThat(outcome.responseBody()).isEqualTo(value);
        assertThat(outcome.attempts()).hasSize(1);
        assertThat(outcome.attempts().get(0).latencyMs()).isLessThan(5_000L);
        assertThat(callback.getRequestCount()).isEqualTo(1);
    }

    /** Starts the callback server on loopback, answering {@code {"text": "pong"}} to the next {@code times} calls. */
    private void startCallbackAnsweringPong(int times) throws java.io.IOException {
        for (int i = 0; i < times; i++) {
            callback.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .body("{\"text\": \"pong\"}").build());
        }
        callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    }

    /** The next {@code count} callback requests, by request target (path and query). */
    private Map<String, RecordedRequest> takeRequests(int count) throws InterruptedException {
        Map<String, RecordedRequest> byTarget = new java.util.HashMap<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = callback.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(request).as("callback request %d within %s", i + 1, WAIT).isNotNull();
            byTarget.put(request.getTarget(), request);
        }
        return byTarget;
    }

    /**
     * Hooks Mattermost accepts fire as in Mattermost: an upper-case id, a callback URL with raw braces, {@code |} and
     * a backslash (requested with Go's escaping), and a negative {@code trigger_when}, which matches no word while a
     * channel hook without words still fires on every post.
     */
    @Test
    void hooksMattermostAcceptsFireWithTheRequestGoWouldSend(KafkaBroker broker) throws Exception {
        callback.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"text\": \"pong\"}").build());
        callback.enqueue(new MockResponse.Builder().code(200).build());
        callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
        String base = "http://127.0.0.1:" + callback.getPort();
        String url = base + "/hooks/{id}|a\\b?q={v}|x";
        HooklineConfig config = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1").provisioned();
        Topics topics = TopicSettings.topics(config);
        OutgoingWebhook everyPost = new OutgoingWebhook("UPPERCASEHOOKIDUPPERCASE12", "tokentokentokentokentoken2",
                1_764_150_000_000L, 1_764_150_000_000L, 0, BOT, CHANNEL, TEAM, List.of(), -1, List.of(url),
                "Every post", "", "application/json", "", "", null);
        OutgoingWebhook noWord = everyPost.withId(Ids.newId()).withTriggerWords(List.of("ping"))
                .withCallbackUrls(List.of(base + "/never")).withDisplayName("No word");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            for (OutgoingWebhook hook : List.of(everyPost, noWord)) {
                producer.send(new ProducerRecord<>(topics.webhookConfigs().name(), hook.id(),
                        Json.mapper().writeValueAsString(hook))).get();
            }
            services.start(Stage.createAll(List.of(Stage.values()), config), WAIT);
            producer.send(new ProducerRecord<>(topics.posts().name(), CHANNEL,
                    Json.mapper().writeValueAsString(TownSquare.post("ping", List.of())))).get();
        }

        RecordedRequest request = callback.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("callback request within %s", WAIT).isNotNull();
        assertThat(request.getRequestLine()).isEqualTo("POST /hooks/%7Bid%7D%7Ca%5Cb?q={v}|x HTTP/1.1");
        assertThat(Json.mapper().readTree(request.getBody().utf8()).get("trigger_word").asText()).isEmpty();

        List<ConsumerRecord<String, String>> commands = TopicRecords.readUntil(broker.bootstrapServers(),
                topics.postCommands().name(), new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
        PostCommand command = Json.mapper().readValue(commands.get(0).value(), PostCommand.class);
        assertThat(command.origin().hookId()).isEqualTo(everyPost.id());
        assertThat(command.origin().callbackUrl()).as("the URL as stored").isEqualTo(url);
        // both hooks were matched against the same post, so a request for the other one would have come by now
        assertThat(callback.takeRequest(5, TimeUnit.SECONDS)).as("the hook with trigger_when -1 and a word").isNull();
    }

    /**
     * {@code hookline.enable-insecure-outgoing-connections}, Mattermost's {@code EnableInsecureOutgoingConnections}:
     * with it on, a callback whose certificate no one vouches for is called and its answer posted (with it off the
     * handshake fails: {@code CallbackClientTest}).
     */
    @Test
    void withInsecureConnectionsOnASelfSignedHttpsCallbackIsCalledAndItsAnswerPosted(KafkaBroker broker,
            @TempDir Path dir) throws Exception {
        callback.useHttps(SelfSignedTls.serverContext(dir).getSocketFactory());
        startCallbackAnsweringPong(1);
        IsolatedConfig isolated = new IsolatedConfig(broker)
                .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1")
                .with(DispatcherSettings.ENABLE_INSECURE_OUTGOING_CONNECTIONS.name(), "true");
        CliRun.Result created = CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id",
                CHANNEL, "--trigger-word", "ping", "--callback-url",
                "https://127.0.0.1:" + callback.getPort() + "/hook", "--creator-id", BOT));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        services.start(Stage.createAll(List.of(Stage.values()), isolated.config()), WAIT);
        CliRun.Result post = CliRun.run(isolated.args("post", "--team-id", TEAM, "--channel-id", CHANNEL,
                "--user-id", ALICE, "--message", "ping"));
        assertThat(post.exitCode()).as(post.toString()).isZero();

        RecordedRequest request = callback.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(request).as("callback request over TLS within %s", WAIT).isNotNull();
        assertThat(request.getHandshake()).as("the request came over TLS").isNotNull();
        List<ConsumerRecord<String, String>> commands = TopicRecords.readUntil(broker.bootstrapServers(),
                isolated.topics().postCommands().name(), new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
        assertThat(Json.mapper().readTree(commands.get(0).value()).get("post").get("message").asText())
                .isEqualTo("pong");
    }

    /** Creates a hook with the CLI, rotates its secret with {@code grace}, and returns it with both secrets. */
    private static OutgoingWebhook createAndRotate(IsolatedConfig isolated, String url, String grace)
            throws Exception {
        CliRun.Result created = CliRun.run(isolated.args("hooks", "create", "--team-id", TEAM, "--channel-id",
                CHANNEL, "--trigger-word", "ping", "--callback-url", url, "--creator-id", BOT));
        assertThat(created.exitCode()).as(created.toString()).isZero();
        OutgoingWebhook hook = Json.mapper().readValue(created.out(), OutgoingWebhook.class);
        CliRun.Result rotated = CliRun.run(isolated.args("hooks", "rotate-secret", hook.id(), "--grace", grace));
        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        OutgoingWebhook shown = Json.mapper().readValue(rotated.out(), OutgoingWebhook.class);
        assertThat(shown.signingSecret()).startsWith("whsec_").isNotEqualTo(hook.signingSecret());
        return hook.withUpdateAt(shown.updateAt()).withSigningSecrets(shown.signingSecret(), hook.signingSecret(),
                shown.previousSigningSecretExpiresAt());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Mattermost's reading of a callback's answer: a body Go's decoder refuses ({@code "short": null}) makes no post
     * and is dead-lettered naming the field; field values are stringified as Go's {@code %v} prints them; a {@code me}
     * post type is kept; props {@code CreatePost} strips are not in the command.
     */
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
                "http://127.0.0.1:" + callback.getPort() + "/hook", "--creator-id", BOT));
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
