package io.hookline.kafkatest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;

/** The non-local broker sources, as far as they can be checked without a cluster or Docker. */
class BrokerSourcesTest {

  @Test
  void externalClusterCannotBeRestartedOrKilled() {
    ExternalBroker broker = new ExternalBroker(" kafka-1:9092,kafka-2:9092 ");

    assertThat(broker.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(broker.canRestart()).isFalse();
    assertThatThrownBy(broker::restart).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("external Kafka cluster at kafka-1:9092").hasMessageContaining("canRestart()");
    assertThatThrownBy(broker::kill).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void testcontainersWithoutDockerIsAClearError() {
    assumeFalse(TestcontainersBroker.dockerAvailable(), "Docker is available here; this test is about its absence");

    assertThatThrownBy(TestcontainersBroker::start).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("hookline.test.kafka=testcontainers")
        .hasMessageContaining("no Docker engine");
  }
}
