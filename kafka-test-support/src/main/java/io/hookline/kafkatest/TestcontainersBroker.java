package io.hookline.kafkatest;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in Docker. The only class that touches Testcontainers, which is an optional dependency: it is loaded only when
 * that mode is asked for, so nothing else fails when Testcontainers is absent.
 */
final class TestcontainersBroker implements RunningBroker {

  static final String IMAGE = "apache/kafka:4.4.0";

  private final KafkaContainer container;

  private TestcontainersBroker(KafkaContainer container) {
    this.container = container;
  }

  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (Throwable t) {
      return false;
    }
  }

  static RunningBroker start() {
    if (!dockerAvailable()) {
      throw new IllegalStateException("-D" + BrokerMode.MODE_PROPERTY + "=testcontainers asks for Kafka in Docker, but "
          + "Testcontainers finds no Docker engine; start Docker or drop the property to use the local broker");
    }
    KafkaContainer container = new KafkaContainer(IMAGE);
    container.start();
    return new TestcontainersBroker(container);
  }

  @Override
  public String bootstrapServers() {
    return container.getBootstrapServers();
  }

  @Override
  public short replicationFactor() {
    return 1;
  }

  @Override
  public void close() {
    container.stop();
  }

  @Override
  public String toString() {
    return "Testcontainers Kafka (" + IMAGE + ") at " + bootstrapServers();
  }
}
