package io.hookline.kafkatest;

import java.security.SecureRandom;
import java.util.HashMap;
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
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/** The one {@link KafkaBroker} of a test JVM: the running broker plus an Admin client for topic creation. */
final class SharedKafkaBroker implements KafkaBroker, AutoCloseable {

  private static final char[] SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
  private static final int SUFFIX_LENGTH = 10;
  private static final long TOPIC_READY_TIMEOUT_MS = 30_000;

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
      return; // an existing topic is served already
    } catch (TimeoutException e) {
      throw new IllegalStateException("creating topic " + name + " on " + bootstrapServers() + " timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topic " + name, e);
    }
    awaitServed(client, name, partitions);
  }

  /**
   * createTopics returns before the partitions' leader serves them; an idempotent producer writing at once can have
   * its first request refused and a later one accepted, and then loses the first one's records (KAFKA-15591). A
   * ListOffsets answer comes from the leader's copy of each partition; until then it fails with a retriable error.
   */
  private void awaitServed(Admin client, String name, int partitions) {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < partitions; p++) {
      latest.put(new TopicPartition(name, p), OffsetSpec.latest());
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TOPIC_READY_TIMEOUT_MS);
    try {
      while (true) {
        try {
          client.listOffsets(latest).all().get(TOPIC_READY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
            throw new IllegalStateException("the new topic " + name + " is not served: " + e.getCause().getMessage(),
                e.getCause());
          }
          Thread.sleep(20);
        }
      }
    } catch (TimeoutException e) {
      throw new IllegalStateException("the new topic " + name + " not served within " + TOPIC_READY_TIMEOUT_MS
          + " ms", e);
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
