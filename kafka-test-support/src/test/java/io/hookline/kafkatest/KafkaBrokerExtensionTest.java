package io.hookline.kafkatest;

import io.hookline.localkafka.TestRecords;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaBrokerExtensionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static KafkaBroker fromBeforeAll;

  private final KafkaBroker fromConstructor;
  private KafkaBroker fromBeforeEach;

  KafkaBrokerExtensionTest(KafkaBroker broker) {
    this.fromConstructor = broker;
  }

  @BeforeAll
  static void beforeAll(KafkaBroker broker) {
    fromBeforeAll = broker;
  }

  @BeforeEach
  void beforeEach(KafkaBroker broker) {
    fromBeforeEach = broker;
  }

  @Test
  void everyInjectionPointGetsTheOneBrokerOfThisJvm(KafkaBroker broker) {
    assertThat(broker).isSameAs(fromConstructor).isSameAs(fromBeforeAll).isSameAs(fromBeforeEach);
    assertThat(broker.bootstrapServers()).isNotBlank();
  }

  @Test
  void uniqueNamesKeepThePrefixAndDoNotRepeat(KafkaBroker broker) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      names.add(broker.uniqueName("orders"));
    }

    assertThat(names).hasSize(1_000).allMatch(name -> name.matches("orders-[a-z0-9]{10}"));
  }

  @Test
  void createdTopicHasItsPartitionsAndConfigAndCarriesRecords(KafkaBroker broker) throws Exception {
    String topic = broker.uniqueName("configs");

    broker.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));
    broker.createTopic(topic, 3, Map.of("cleanup.policy", "compact"));

    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
          .get(topic);
      assertThat(description.partitions()).hasSize(3);
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
      assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
    TestRecords.produce(broker.bootstrapServers(), topic, List.of("x", "y"));
    assertThat(TestRecords.consume(broker.bootstrapServers(), topic, 2, TIMEOUT)).containsExactlyInAnyOrder("x", "y");
  }

  @Test
  void invalidTopicRequestsAreClearErrors(KafkaBroker broker) {
    assertThatThrownBy(() -> broker.createTopic(broker.uniqueName("t"), 0, Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one partition");
    assertThatThrownBy(() -> broker.createTopic("bad name!", 1, Map.of()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad name!");
  }

  @Test
  void localBrokerRestartsWithItsDataOtherwiseRefuses(KafkaBroker broker) {
    if (!broker.canRestart()) {
      assertThatThrownBy(broker::kill).isInstanceOf(IllegalStateException.class).hasMessageContaining("canRestart");
      assertThatThrownBy(broker::restart).isInstanceOf(IllegalStateException.class);
      return;
    }
    String topic = broker.uniqueName("fault");
    broker.createTopic(topic, 1, Map.of());
    TestRecords.produce(broker.bootstrapServers(), topic, List.of("before"));
    String address = broker.bootstrapServers();

    broker.restart();

    assertThat(broker.bootstrapServers()).isEqualTo(address);
    TestRecords.produce(broker.bootstrapServers(), topic, List.of("after"));
    assertThat(TestRecords.consume(broker.bootstrapServers(), topic, 2, TIMEOUT)).containsExactly("before", "after");
  }
}
