package io.hookline.cli;

import io.hookline.dispatcher.DispatcherSettings;
import io.hookline.runtime.topic.TopicSettings;
import static io.hookline.cli.TownSquare.BOT;
import static io.hookline.cli.TownSquare.CHANNEL;
import static io.hookline.cli.TownSquare.TEAM;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.hookline.cli.run.ServiceGroup;
import io.hookline.cli.run.Stage;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.post.PostEvent;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * A hook's token, signing secret and callback URL password, and the integration secrets (trigger-id signing key,
 * cookie key), never show up in a log line, a meter, a dead letter's
 * headers, a delivery outcome or a post command, on the paths most likely to leak them: a callback that succeeds, one
 * that fails finally (400), and a hook record the matcher rejects (dead-lettered with a reason). Every log event of the
 * run is captured unmasked (Hookline at TRACE, everything else at INFO), so a leak is found at its source, not hidden
 * by the layouts' masking.
 */
@ExtendWith(KafkaBrokerExtension.class)
class SecretsNeverLoggedOnBrokerTest {

    private static final String TOKEN = "s3cr3ttok3ns3cr3ttok3nxyz1";
    private static final String SECRET_BASE64 = Base64.getEncoder().encodeToString(
            "leak-me-not-leak-me-not-leak-me!".getBytes(StandardCharsets.UTF_8));
    private static final String SECRET = "whsec_" + SECRET_BASE64;
    /** The password of the callback URLs, which go only into Authorization: Basic. */
    private static final String URL_PASSWORD = "urlpassw0rdurlpassw0rd";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void tokenAndSigningSecretAppearNowhere(KafkaBroker broker) throws Exception {
        Capture capture = new Capture();
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logback.getLogger(Logger.ROOT_LOGGER_NAME);
        Logger hookline = logback.getLogger("io.hookline");
        Level hooklineLevel = hookline.getLevel();
        Level rootLevel = root.getLevel();
        capture.setContext(logback);
        capture.start();
        root.addAppender(capture);
        hookline.setLevel(Level.TRACE);
        root.setLevel(Level.INFO);
        try (MockWebServer callback = new MockWebServer();
             ServiceGroup services = new ServiceGroup(Duration.ofSeconds(30))) {
            callback.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return request.getTarget().startsWith("/ok")
                            ? new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"text\": \"pong\"}").build()
                            : new MockResponse.Builder().code(400).body("no such hook").build();
                }
            });
            callback.start(java.net.InetAddress.getByName("127.0.0.1"), 0);

            HooklineConfig config = new IsolatedConfig(broker)
                    .with(DispatcherSettings.ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS.name(), "127.0.0.1").provisioned();
            Topics topics = TopicSettings.topics(config);
            // the literal IP, as allowed: MockWebServer's own URLs name "localhost", which only a CIDR entry allows
            String base = "http://127.0.0.1:" + callback.getPort();
            OutgoingWebhook hook = new OutgoingWebhook(Ids.newId(), TOKEN, 1_764_150_000_000L, 1_764_150_000_000L, 0,
                    BOT, CHANNEL, TEAM, List.of("ping"), OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH,
                    List.of(withPassword(base + "/ok"), withPassword(base + "/bad")), "Pong bot", "", 
                    "application/json", "", "", SECRET);
            // invalid (no callback URL): the matcher's audit dead-letters it with a reason
            OutgoingWebhook broken = hook.withId(Ids.newId()).withTriggerWords(List.of("pong"))
                    .withCallbackUrls(List.of()).withDisplayName("Broken");
            PostEvent ping = TownSquare.post("ping", List.of());

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>(topics.webhookConfigs().name(), hook.id(),
                        Json.mapper().writeValueAsString(hook))).get();
                producer.send(new ProducerRecord<>(topics.webhookConfigs().name(), broken.id(),
                        Json.mapper().writeValueAsString(broken))).get();
                services.start(Stage.createAll(List.of(Stage.values()), config, metrics), WAIT);
                producer.send(new ProducerRecord<>(topics.posts().name(), CHANNEL,
                        Json.mapper().writeValueAsString(ping))).get();
            }

            List<String> requestBodies = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                RecordedRequest request = callback.takeRequest(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(request).as("callback request %s", i).isNotNull();
                requestBodies.add(request.getBody().utf8());
                assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                        .encodeToString(("relay:" + URL_PASSWORD).getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(requestBodies).as("the callbacks did get the token: the test knows what to look for")
                    .allSatisfy(body -> assertThat(body).contains(TOKEN));

            var outcomes = TopicRecords.readUntil(broker.bootstrapServers(), topics.webhookResponses().name(),
                    new StringDeserializer(), WAIT, seen -> seen.size() >= 2);
            assertThat(outcomes).extracting(ConsumerRecord::value)
                    .anySatisfy(v -> assertThat(v).contains("\"status\":\"failed\""))
                    .anySatisfy(v -> assertThat(v).contains("\"status\":\"succeeded\""));
            var commands = TopicRecords.readUntil(broker.bootstrapServers(), topics.postCommands().name(),
                    new StringDeserializer(), WAIT, seen -> !seen.isEmpty());
            var deadLetters = TopicRecords.readUntil(broker.bootstrapServers(), topics.deadLetters().name(),
                    new ByteArrayDeserializer(), WAIT, seen -> !seen.isEmpty());
            services.close();

            List<String> places = new ArrayList<>();
            outcomes.forEach(r -> places.add("outcome " + r.value()));
            commands.forEach(r -> places.add("post command " + r.value()));
            for (ConsumerRecord<String, byte[]> r : deadLetters) {
                for (Header h : r.headers()) {
                    places.add("dead-letter header " + h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8));
                }
            }
            assertThat(places).anySatisfy(p -> assertThat(p).startsWith("dead-letter header hookline.dlq.reason="));
            metrics.getMeters().forEach(m -> places.add("meter " + m.getId()));
            assertThat(places).anySatisfy(p -> assertThat(p).contains("relay:****@"));
            List<String> logs = capture.lines();
            assertThat(logs).as("the run was logged").anySatisfy(l -> assertThat(l).contains("dispatcher started"));
            places.addAll(logs);
            // the integration secrets every stage loaded: the signing key's private number and the cookie key
            List<String> integrationSecrets = new ArrayList<>();
            for (ConsumerRecord<String, String> r : TopicRecords.readAll(broker.bootstrapServers(),
                    topics.integrationSecrets().name(), new StringDeserializer())) {
                var value = Json.mapper().readTree(r.value()).get("value");
                if (value.has("ecdsa_key")) {
                    integrationSecrets.add(value.get("ecdsa_key").get("d").asText());
                } else {
                    integrationSecrets.add(value.get("key").asText());
                }
            }
            assertThat(integrationSecrets).as("a signing key and a cookie secret were made").hasSize(2);
            for (String place : places) {
                assertThat(place).doesNotContain(TOKEN).doesNotContain(SECRET_BASE64)
                        .doesNotContain(SECRET_BASE64.substring(0, 16)).doesNotContain(URL_PASSWORD);
                for (String secret : integrationSecrets) {
                    assertThat(place).doesNotContain(secret).doesNotContain(secret.substring(0, 16));
                }
            }
        } finally {
            root.detachAppender(capture);
            hookline.setLevel(hooklineLevel);
            root.setLevel(rootLevel);
        }
    }

    private static String withPassword(String url) {
        return url.replace("http://", "http://relay:" + URL_PASSWORD + "@");
    }

    /** Every event as raw text: level, logger, formatted message, arguments, MDC and the whole throwable. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        protected void append(ILoggingEvent e) {
            StringBuilder s = new StringBuilder().append(e.getLevel()).append(' ').append(e.getLoggerName())
                    .append(' ').append(e.getFormattedMessage());
            if (e.getArgumentArray() != null) {
                for (Object arg : e.getArgumentArray()) {
                    s.append(" | ").append(arg);
                }
            }
            s.append(' ').append(e.getMDCPropertyMap());
            if (e.getThrowableProxy() != null) {
                s.append('\n').append(ThrowableProxyUtil.asString(e.getThrowableProxy()));
            }
            lines.add(s.toString());
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
