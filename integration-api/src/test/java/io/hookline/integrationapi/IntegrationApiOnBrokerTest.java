package io.hookline.integrationapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import io.hookline.runtime.secrets.IntegrationSecretStore;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.runtime.secrets.TriggerIds;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.Ids;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two integration APIs against a real broker: each writes the open_dialog command to post-commands before it answers,
 * and each accepts trigger ids signed with the key both read from integration-secrets (as a dispatcher would mint).
 */
@ExtendWith(KafkaBrokerExtension.class)
class IntegrationApiOnBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String DIALOG = "{\"callback_id\":\"cb\",\"title\":\"Pick\",\"elements\":[{\"display_name\":"
            + "\"Name\",\"name\":\"name\",\"type\":\"text\"}]}";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoApisSideBySideAcceptEachOthersTriggerIdsAndWriteOpenDialogToPostCommands(KafkaBroker broker)
            throws Exception {
        HooklineConfig config = HooklineConfig.of(Map.of(
                Settings.BOOTSTRAP_SERVERS.name(), broker.bootstrapServers(),
                Settings.APPLICATION_ID_PREFIX.name(), broker.uniqueName("hl"),
                TopicSettings.keyOf("post-commands").name(), broker.uniqueName("post-commands"),
                TopicSettings.keyOf("integration-secrets").name(), broker.uniqueName("integration-secrets"),
                IntegrationApiSettings.ADDRESS.name(), "127.0.0.1",
                IntegrationApiSettings.PORT.name(), "0"));
        Topics topics = TopicSettings.topics(config);
        broker.createTopic(topics.postCommands().name(), 1, Map.of());

        try (IntegrationApiService first = new IntegrationApiService(config);
             IntegrationApiService second = new IntegrationApiService(config)) {
            first.start();
            second.start();
            assertThat(first.isRunning()).isTrue();
            assertThat(second.isRunning()).isTrue();
            String firstUrl = first.endpoints().get("integration-api");
            String secondUrl = second.endpoints().get("integration-api");
            assertThat(firstUrl).startsWith("http://127.0.0.1:").isNotEqualTo(secondUrl);

            // trigger ids minted with the stored secrets, as the dispatcher mints them for a click
            IntegrationSecrets secrets = IntegrationSecretStore.load(config, topics, TIMEOUT);
            TriggerIds triggerIds = new TriggerIds(secrets, TIMEOUT, Clock.systemUTC());
            String clientA = Ids.deterministic("click-a", "trigger");
            String clientB = Ids.deterministic("click-b", "trigger");
            String userA = Ids.deterministic("user-a");
            String userB = Ids.deterministic("user-b");
            assertThat(open(secondUrl, triggerIds.mint(clientA, userA).triggerId()).statusCode()).isEqualTo(200);
            assertThat(open(firstUrl, triggerIds.mint(clientB, userB).triggerId()).statusCode()).isEqualTo(200);

            for (String url : List.of(firstUrl, secondUrl)) {
                assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/api/v4/config/client?format=old"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body())
                        .isEqualTo("{\"AsymmetricSigningPublicKey\":\"" + secrets.publicKeyBase64() + "\"}");
            }

            // answered 200 only once written: the commands are there without waiting for anything else
            List<ConsumerRecord<String, PostCommand>> records = readAll(config, topics.postCommands(), 2);
            assertThat(records).extracting(ConsumerRecord::key).containsExactly(userA, userB);
            assertThat(records).allSatisfy(r -> assertThat(r.value().type()).isEqualTo(PostCommand.OPEN_DIALOG));
            PostCommand a = records.get(0).value();
            assertThat(a.userId()).isEqualTo(userA);
            assertThat(a.interactionId()).isEqualTo(clientA);
            assertThat(a.dialog().get("trigger_id").asText()).isEqualTo(clientA);
            assertThat(a.dialog().get("url").asText()).isEqualTo("http://127.0.0.1:9/submit");
            assertThat(a.dialog().get("dialog").get("title").asText()).isEqualTo("Pick");
            assertThat(records.get(1).value().dialog().get("trigger_id").asText()).isEqualTo(clientB);
        }
    }

    private HttpResponse<String> open(String apiUrl, String triggerId) throws Exception {
        String body = "{\"trigger_id\":\"" + triggerId + "\",\"url\":\"http://127.0.0.1:9/submit\",\"dialog\":" + DIALOG
                + "}";
        return http.send(HttpRequest.newBuilder(URI.create(apiUrl + "/api/v4/actions/dialogs/open"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ConsumerRecord<String, PostCommand>> readAll(HooklineConfig config,
                                                                     Topic<String, PostCommand> topic, int count) {
        Map<String, Object> props = new java.util.HashMap<>(config.kafkaProperties());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, PostCommand>> records = new ArrayList<>();
        try (KafkaConsumer<String, PostCommand> consumer = new KafkaConsumer<>(props,
                topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            consumer.assign(List.of(new TopicPartition(topic.name(), 0)));
            consumer.seekToBeginning(consumer.assignment());
            Await.until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= count;
            }, TIMEOUT, () -> count + " records on " + topic.name() + ", got " + records.size());
        }
        return records;
    }
}
