package io.hookline.clustertests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hookline.kafkatest.Await;
import io.hookline.localkafka.LocalKafka;
import io.hookline.runtime.access.AccessMatrix;
import io.hookline.runtime.access.Grant;
import io.hookline.runtime.access.Role;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.secrets.IntegrationSecretStore;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.runtime.topic.TopicProvisioner;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.hook.ContentTypes;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.post.Channel;
import io.hookline.schemas.post.Post;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.post.Team;
import io.hookline.schemas.post.User;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hookline on a broker secured as production runs it: a SASL_SSL listener (SCRAM-SHA-512, a certificate signed by a
 * CA made here), the KRaft authorizer, and for each stage a user holding exactly the README's ACLs. The stages run
 * with the README's example properties file; a reply arrives. A dispatcher whose user lacks one ACL stops at start,
 * naming it; a stage whose user has none is told to have the topics created.
 */
class SecuredClusterTest {

    private static final String PASSWORD = "changeit";
    private static final String TEAM = "secureteam0000000000000001";
    private static final String CHANNEL = "securechan0000000000000001";
    private static final String BOT = "securebot00000000000000001";
    private static final Duration WAIT = Duration.ofSeconds(90);

    private static Path dir;
    private static BrokerCertificates tls;
    private static LocalKafka broker;
    private static Path properties;
    private static HooklineConfig adminConfig;

    @BeforeAll
    static void startSecuredBroker() throws Exception {
        dir = ClusterDirs.fresh("secured");
        tls = BrokerCertificates.make(dir, PASSWORD);
        broker = LocalKafka.start(dir.resolve("kafka"), 0, SecuredBroker.overrides(tls));
        // the README's file, as written
        properties = Files.writeString(dir.resolve("hookline.properties"), ReadmeProperties.text());
        Map<String, String> admin = new HashMap<>(siteSettings());
        admin.put("sasl.jaas.config", SecuredBroker.jaas(SecuredBroker.ADMIN, SecuredBroker.ADMIN_PASSWORD));
        adminConfig = HooklineConfig.load(properties, Map.of(), admin);
        try (Admin a = Admin.create(adminConfig.kafkaProperties())) {
            for (String user : List.of("matcher", "dispatcher", "ingestor", "integration", "chat", "lacking",
                    "nobody")) {
                a.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password(user))))
                        .all().get(30, TimeUnit.SECONDS);
            }
            // the operator makes the topics before the stages first start (they may only describe them)
            new TopicProvisioner(a, adminConfig).ensure(TopicSettings.topics(adminConfig));
            grant(a, "User:matcher", AccessMatrix.grants(Role.MATCHER, adminConfig));
            grant(a, "User:dispatcher", AccessMatrix.grants(Role.DISPATCHER, adminConfig));
            grant(a, "User:ingestor", AccessMatrix.grants(Role.INGESTOR, adminConfig));
            grant(a, "User:integration", AccessMatrix.grants(Role.INTEGRATION_API, adminConfig));
            grant(a, "User:chat", AccessMatrix.grants(Role.CHAT_SERVER, adminConfig));
            grant(a, "User:lacking", AccessMatrix.grants(Role.DISPATCHER, adminConfig).stream()
                    .filter(g -> !isReadOfTriggers(g)).toList());
        }
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aReplyArrivesThroughTheSecuredPipeline() throws Exception {
        HttpServer callback = pongServer();
        List<InProcessCommand> stages = new ArrayList<>();
        try {
            Topics topics = TopicSettings.topics(adminConfig);
            OutgoingWebhook hook = new OutgoingWebhook(Ids.newId(), Ids.newId(), 1L, 1L, 0, BOT, CHANNEL, TEAM,
                    List.of("ping"), OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH,
                    List.of("http://127.0.0.1:" + callback.getAddress().getPort() + "/pong"), "Secure bot", "",
                    ContentTypes.JSON, "", "", null);
            // hooks are the operator's: the admin writes this one
            send(clientOf(SecuredBroker.ADMIN, SecuredBroker.ADMIN_PASSWORD), topics.webhookConfigs().name(),
                    hook.id(), Json.mapper().writeValueAsString(hook));
            // side by side, as separate processes would start
            ExecutorService starter = Executors.newFixedThreadPool(4);
            try {
                List<Future<InProcessCommand>> starting = new ArrayList<>();
                for (String stage : List.of("matcher", "dispatcher", "ingestor")) {
                    starting.add(starter.submit(() -> runStage(stage, stage)));
                }
                starting.add(starter.submit(() -> runStage("integration-api", "integration")));
                for (Future<InProcessCommand> f : starting) {
                    stages.add(f.get(3, TimeUnit.MINUTES));
                }
            } finally {
                starter.shutdown();
            }
            for (InProcessCommand c : stages) {
                assertThat(c.isReady()).as("ready; err: %s", c.err()).isTrue();
            }

            PostEvent event = new PostEvent(new Post(Ids.newId(), System.currentTimeMillis(), 0, 0, 0,
                    "secureuser0000000000000001", CHANNEL, "", "ping", "", Map.of(), List.of()),
                    new Channel(CHANNEL, "secure", "Secure", Channel.OPEN, TEAM),
                    new Team(TEAM, "secure", "Secure"), new User("secureuser0000000000000001", "sam"));
            send(clientOf("chat", password("chat")), topics.posts().name(), CHANNEL,
                    Json.mapper().writeValueAsString(event));

            PostCommand reply = firstCommand(topics.postCommands().name());
            assertThat(reply.type()).isEqualTo(PostCommand.CREATE_POST);
            assertThat(reply.post().message()).isEqualTo("pong");
            assertThat(reply.origin().postId()).isEqualTo(event.post().id());

            // the integration API, as its own user, verifies a trigger id signed with the shared key and opens the
            // dialog for the user inside it
            String out = stages.get(3).out().toString();
            java.util.regex.Matcher url = java.util.regex.Pattern.compile("integration-api=(http://\\S+?);").matcher(out);
            assertThat(url.find()).as("the API's URL in its ready line: %s", out).isTrue();
            TriggerIds triggers = new TriggerIds(IntegrationSecretStore.load(adminConfig, topics, WAIT),
                    Duration.ofSeconds(30), java.time.Clock.systemUTC());
            String triggerId = triggers.mint(Ids.newId(), "secureuser0000000000000001").triggerId();
            java.net.http.HttpResponse<String> opened = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url.group(1)
                            + "/api/v4/actions/dialogs/open")).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"trigger_id\": \"" + triggerId + "\", \"url\": \"http://127.0.0.1:1/submit\", "
                                    + "\"dialog\": {\"title\": \"Secure\", \"elements\": []}}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
            assertThat(commandOfType(topics.postCommands().name(), PostCommand.OPEN_DIALOG).userId())
                    .isEqualTo("secureuser0000000000000001");
        } finally {
            stages.forEach(InProcessCommand::requestStop);
            for (InProcessCommand c : stages) {
                c.close();
            }
            callback.stop(0);
        }
    }

    @Test
    void aStageWithoutOneAclSaysWhichPermissionItLacks() throws Exception {
        String triggers = TopicSettings.topics(adminConfig).webhookTriggers().name();
        try (InProcessCommand dispatcher = runStage("dispatcher", "lacking")) {
            assertThat(dispatcher.exit().get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(dispatcher.err().toString())
                    .contains("dispatcher cannot run: principal User:lacking lacks READ on topic " + triggers)
                    .doesNotContain("WRITE on topic");
        }
        // a user without any ACL cannot even see the topics: it is told to have them created
        try (InProcessCommand ingestor = runStage("ingestor", "nobody")) {
            assertThat(ingestor.exit().get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(ingestor.err().toString()).contains("cannot create Hookline's missing topics: this principal "
                    + "lacks CREATE on them (or DESCRIBE, to see that they exist)").doesNotContain("hookline up");
        }
    }

    private static boolean isReadOfTriggers(Grant g) {
        return g.resourceType() == ResourceType.TOPIC && g.operation() == AclOperation.READ
                && g.name().equals(TopicSettings.topics(adminConfig).webhookTriggers().name());
    }

    /** A stage as an operator runs it: the README's file, the user in its environment, this broker's two facts. */
    private static InProcessCommand runStage(String stage, String user) {
        List<String> args = new ArrayList<>(List.of(stage, "--config", properties.toString()));
        Map<String, String> settings = new HashMap<>(siteSettings());
        settings.put("state.dir", dir.resolve("state-" + stage + "-" + user).toString());
        settings.put("hookline.ops-address", "127.0.0.1");
        settings.put("hookline.ops-port", "0");
        settings.put("hookline.integration-api-port", "0");
        settings.put("hookline.allowed-untrusted-internal-connections", "127.0.0.1");
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return InProcessCommand.start(Map.of("HOOKLINE_KAFKA_SASL_JAAS_CONFIG",
                SecuredBroker.jaas(user, password(user))), args.toArray(String[]::new));
    }

    /** What differs between the README's cluster and this one: where the brokers are, where the CA is. */
    private static Map<String, String> siteSettings() {
        return Map.of("bootstrap.servers", broker.bootstrapServers(),
                "ssl.truststore.location", tls.trustStore().toString());
    }

    private static String password(String user) {
        return user + "-secret";
    }

    private static Map<String, Object> clientOf(String user, String password) {
        Map<String, Object> p = new HashMap<>(SecuredBroker.client(tls, user, password));
        p.put("bootstrap.servers", broker.bootstrapServers());
        return p;
    }

    private static void grant(Admin admin, String principal, List<Grant> grants) throws Exception {
        admin.createAcls(grants.stream().map(g -> g.toBinding(principal)).toList()).all().get(30, TimeUnit.SECONDS);
    }

    private static void send(Map<String, Object> client, String topic, String key, String value) throws Exception {
        Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
        }
    }

    /** The chat server reads the commands (its user may read post-commands, without a group). */
    private static PostCommand firstCommand(String topic) throws Exception {
        return commandOfType(topic, null);
    }

    /** The first command on {@code topic} of {@code type} (any type when null), read as the chat server. */
    private static PostCommand commandOfType(String topic, String type) throws Exception {
        Map<String, Object> p = new HashMap<>(clientOf("chat", password("chat")));
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new ArrayList<>();
            List<PostCommand> commands = new ArrayList<>();
            Await.until(() -> {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                    commands.add(io.hookline.schemas.serde.JsonSerde.of(PostCommand.class).deserializer()
                            .deserialize(topic, r.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                return commands.stream().anyMatch(c -> type == null || type.equals(c.type()));
            }, WAIT, () -> "a " + (type == null ? "" : type + " ") + "command on " + topic + ": " + values);
            return commands.stream().filter(c -> type == null || type.equals(c.type())).findFirst().orElseThrow();
        }
    }

    private static HttpServer pongServer() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/pong", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"text\": \"pong\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }
}
