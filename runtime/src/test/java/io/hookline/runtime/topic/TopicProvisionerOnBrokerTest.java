package io.hookline.runtime.topic;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Topics Hookline creates take writes as soon as {@link TopicProvisioner#ensure} returns: a bridge or a stage that
 * starts writing at once, several requests in flight, loses nothing.
 */
@ExtendWith(KafkaBrokerExtension.class)
class TopicProvisionerOnBrokerTest {

    private static final int ROUNDS = 5;
    private static final int PARTITIONS = 6;
    private static final int PER_PARTITION = 100;

    @Test
    void aBurstWrittenTheMomentTopicsAreCreatedIsAcknowledgedWhole(KafkaBroker broker) throws Exception {
        HooklineConfig config = HooklineConfig.of(Map.of("bootstrap.servers", broker.bootstrapServers(),
                "hookline.topic-partitions", Integer.toString(PARTITIONS)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                     ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                     // small batches, no linger: each partition's burst goes out as several requests in flight
                     ProducerConfig.LINGER_MS_CONFIG, 0,
                     ProducerConfig.BATCH_SIZE_CONFIG, 512,
                     // a record lost to a refused first request expires instead of retrying for two minutes
                     ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                     ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000),
                     new StringSerializer(), new StringSerializer())) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, config);
            for (int round = 1; round <= ROUNDS; round++) {
                // given topics just created
                List<Topic<String, String>> topics = new ArrayList<>();
                for (char c = 'a'; c <= 'h'; c++) {
                    topics.add(topic(broker, "served-" + c));
                }
                assertThat(provisioner.ensure(List.<Topic<?, ?>>copyOf(topics)))
                        .containsExactlyInAnyOrderElementsOf(topics.stream().map(Topic::name).toList());

                // when every partition of each is written at once
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                for (int i = 0; i < PER_PARTITION; i++) {
                    for (Topic<String, String> t : topics) {
                        for (int p = 0; p < PARTITIONS; p++) {
                            sent.add(producer.send(new ProducerRecord<>(t.name(), p, null, "record " + i)));
                        }
                    }
                }
                producer.flush();

                // then every record is acknowledged once: none lost to the topics' creation, none doubled
                for (Future<RecordMetadata> f : sent) {
                    assertThat(f.get(30, TimeUnit.SECONDS).offset()).as("round %d", round).isLessThan(PER_PARTITION);
                }
            }
        }
    }

    private static Topic<String, String> topic(KafkaBroker broker, String prefix) {
        return new Topic<>(prefix, broker.uniqueName(prefix), Serdes.String(), Serdes.String(), false);
    }
}
