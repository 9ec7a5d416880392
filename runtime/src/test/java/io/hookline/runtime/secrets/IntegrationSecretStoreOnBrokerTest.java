package io.hookline.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared secrets on a real broker: made once, agreed on by processes starting together, the same after that. */
@ExtendWith(KafkaBrokerExtension.class)
class IntegrationSecretStoreOnBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static HooklineConfig config(KafkaBroker broker, String topic) {
        return HooklineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "hookline.topic.integration-secrets", topic));
    }

    @Test
    void processesStartingTogetherAgreeAndLaterStartsReadTheSameSecrets(KafkaBroker broker) throws Exception {
        // given a cluster that has never stored secrets (not even the topic)
        HooklineConfig config = config(broker, broker.uniqueName("secrets"));
        Topics topics = TopicSettings.topics(config);

        // when three processes load at the same moment
        CyclicBarrier start = new CyclicBarrier(3);
        List<CompletableFuture<IntegrationSecrets>> loads = java.util.stream.IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return IntegrationSecretStore.load(config, topics, TIMEOUT);
                })).toList();
        IntegrationSecrets first = loads.get(0).get();

        // then they share one signing key and one cookie key, and so does a process started later
        assertThat(loads.get(1).get().sameAs(first)).isTrue();
        assertThat(loads.get(2).get().sameAs(first)).isTrue();
        assertThat(IntegrationSecretStore.load(config, topics, TIMEOUT).sameAs(first)).isTrue();
        // a trigger id minted by one process verifies in another
        TriggerIds.Minted minted = new TriggerIds(first, Duration.ofSeconds(30), java.time.Clock.systemUTC())
                .mint("client0000000000000000000a", "user00000000000000000000aa");
        new TriggerIds(loads.get(1).get(), Duration.ofSeconds(30), java.time.Clock.systemUTC())
                .verify(minted.triggerId());

        // and the topic was made with the one partition and compaction that make "first" mean the same everywhere
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            String name = topics.integrationSecrets().name();
            TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get().get(name);
            assertThat(d.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
            assertThat(admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value())
                    .isEqualTo("compact");
        }
    }

    @Test
    void anUnreadableRecordIsSkippedAndAWronglyShapedTopicIsAClearError(KafkaBroker broker) {
        String name = broker.uniqueName("secrets");
        broker.createTopic(name, 1, Map.of("cleanup.policy", "compact"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                broker.bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(name, "junk", "{\"kind\":\"asymmetric_signing_key\",\"value\":{}}"
                    .getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(name, "junk2", "not json".getBytes(StandardCharsets.UTF_8)));
        }
        HooklineConfig config = config(broker, name);
        IntegrationSecrets secrets = IntegrationSecretStore.load(config, TopicSettings.topics(config), TIMEOUT);
        assertThat(IntegrationSecretStore.load(config, TopicSettings.topics(config), TIMEOUT).sameAs(secrets)).isTrue();

        String wide = broker.uniqueName("secrets-wide");
        broker.createTopic(wide, 3, Map.of("cleanup.policy", "compact"));
        HooklineConfig wideConfig = config(broker, wide);
        assertThatThrownBy(() -> IntegrationSecretStore.load(wideConfig, TopicSettings.topics(wideConfig), TIMEOUT))
                .hasMessageContaining("has 3 partitions").hasMessageContaining("exactly 1");
    }
}
