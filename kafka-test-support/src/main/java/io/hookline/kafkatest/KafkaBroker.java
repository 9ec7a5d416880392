package io.hookline.kafkatest;

import java.util.Map;

/**
 * The Kafka broker a test talks to, handed out by {@link KafkaBrokerExtension}: one per test JVM, shared by every test.
 * Tests isolate themselves with {@link #uniqueName(String)} for topics, group ids and application ids.
 */
public interface KafkaBroker {

  /** The {@code bootstrap.servers} value for clients. */
  String bootstrapServers();

  /** {@code prefix + "-" + random suffix}: a fresh name for a topic, group id or application id. */
  String uniqueName(String prefix);

  /**
   * Creates a topic (replication factor 1 on the local broker, the cluster default elsewhere) and waits until its
   * leader serves every partition, so producers that start right after do not race topic creation. An existing topic
   * with that name is accepted as is.
   */
  void createTopic(String name, int partitions, Map<String, String> topicConfigs);

  /** Whether {@link #restart()} and {@link #kill()} work: true only for the local broker. */
  boolean canRestart();

  /**
   * Stops the broker if it runs and starts it again with the same data and bootstrap address.
   *
   * @throws IllegalStateException when {@link #canRestart()} is false
   */
  void restart();

  /**
   * Kills the broker with SIGKILL (no clean shutdown); {@link #restart()} brings it back.
   *
   * @throws IllegalStateException when {@link #canRestart()} is false
   */
  void kill();
}
