package io.hookline.kafkatest;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** The one {@link KafkaBroker} of a test JVM: the running broker plus an Admin client for topic creation. */
final class SharedKafkaBroker implements KafkaBroker, AutoCloseable {

  private static final char[] SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int SUFFIX_LENGTH = 10;
  private static final long TOPIC_READY_TIMEOUT_MS = 30_000;
  private static final String LEADERS_READY = "every partition has a leader";

  private final RunningBroker broker;
  private final SecureRandom random = new SecureRandom();
  private Admin admin;
  private boolean closed;

  SharedKafkaBroker(RunningBroker broker) {
    this.broker = broker;
  }

  @Override
  public String bootstrapServers() {
    return broker.bootstrapServers();
  }

  @Override
  public String uniqueName(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    char[] suffix = new char[SUFFIX_LENGTH];
    for (int i = 0; i < suffix.length; i++) {
      suffix[i] = SUFFIX_ALPHABET[random.nextInt(SUFFIX_ALPHABET.length)];
    }
    return prefix + "-" + new String(suffix);
  }

  @Override
  public void createTopic(String name, int partitions, Map<String, String> topicConfigs) {
    Objects.requireNonNull(name, "name");
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition, asked for " + partitions);
    }
    short replication = broker.replicationFactor();
    NewTopic topic = new NewTopic(name, Optional.of(partitions),
        replication > 0 ? Optional.of(replication) : Optional.empty())
        .configs(topicConfigs == null ? Map.of() : topicConfigs);
    Admin client = admin();
    try {
      client.createTopics(List.of(topic)).all().get(TOPIC_READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new IllegalStateException("cannot create topic " + name + " on " + bootstrapServers() + ": "
            + e.getCause().getMessage(), e.getCause());
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic " + name + " on " + bootstrapServers() + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
    awaitLeaders(client, name);
  }

  /** createTopics returns before the partitions have leaders; a producer started then would wait or warn. */
  private void awaitLeaders(Admin client, String name) {
    Await.value(() -> leaderState(client, name), LEADERS_READY::equals, Duration.ofMillis(TOPIC_READY_TIMEOUT_MS),
        "a leader for every partition of the new topic " + name);
  }

  /** {@link #LEADERS_READY}, or what is still missing. */
  private static String leaderState(Admin client, String name) {
    try {
      TopicDescription description = client.describeTopics(List.of(name)).allTopicNames()
          .get(5, TimeUnit.SECONDS).get(name);
      if (description != null && !description.partitions().isEmpty()
          && description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
        return LEADERS_READY;
      }
      return "partitions without a leader";
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
        throw new IllegalStateException("cannot describe topic " + name + ": " + e.getCause().getMessage(),
            e.getCause());
      }
      return "topic not in metadata yet";
    } catch (TimeoutException e) {
      return "describeTopics timed out";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for topic " + name, e);
    }
  }

  private synchronized Admin admin() {
    if (closed) {
      throw new IllegalStateException("the test Kafka broker is already shut down");
    }
    if (admin == null) {
      admin = Admin.create(Map.of(
          AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
          AdminClientConfig.CLIENT_ID_CONFIG, "kafka-broker-extension"));
    }
    return admin;
  }

  @Override
  public boolean canRestart() {
    return broker.canRestart();
  }

  @Override
  public void restart() {
    broker.restart();
  }

  @Override
  public void kill() {
    broker.kill();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (admin != null) {
        admin.close(java.time.Duration.ofSeconds(5));
      }
    } finally {
      broker.close();
    }
  }

  @Override
  public String toString() {
    return broker.toString();
  }
}
