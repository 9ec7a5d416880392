package io.hookline.runtime.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.Json;
import io.hookline.runtime.topic.TopicProvisioner;
import io.hookline.schemas.topic.Topic;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the integration secrets on the single-partition, compacted {@code integration-secrets} topic, where Mattermost
 * keeps them in its Systems table. The first valid record of each kind in the log wins: a process that finds a kind
 * missing writes a new one under a key of its own and reads the log again, so processes starting together agree on
 * whichever was written first, and every later start reads the same. Unique keys keep compaction from removing the
 * winner. Values are never logged.
 */
public final class IntegrationSecretStore {

    static final String SIGNING_KEY = "asymmetric_signing_key";
    static final String COOKIE_SECRET = "post_action_cookie_secret";

    private static final Logger LOG = LoggerFactory.getLogger(IntegrationSecretStore.class);

    private IntegrationSecretStore() {
    }

    /** The shared secrets, made and stored on the first call ever against this cluster. */
    public static IntegrationSecrets load(HooklineConfig config, Topics topics, Duration timeout) {
        String topic = topics.integrationSecrets().name();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(config))) {
            TopicPartition partition = partitionOf(consumer, topics.integrationSecrets(), config, timeout);
            Map<String, String> found = readFirsts(consumer, partition, deadline);
            if (!found.containsKey(SIGNING_KEY) || !found.containsKey(COOKIE_SECRET)) {
                write(config, topic, found, deadline);
                found = readFirsts(consumer, partition, deadline);
            }
            if (!found.containsKey(SIGNING_KEY) || !found.containsKey(COOKIE_SECRET)) {
                throw new IllegalStateException("topic " + topic + " holds no valid " + (found.containsKey(SIGNING_KEY)
                        ? "cookie secret" : "signing key") + " even after one was written");
            }
            return IntegrationSecrets.of(IntegrationSecrets.signingKeyFromJson(found.get(SIGNING_KEY)),
                    IntegrationSecrets.cookieKeyFromJson(found.get(COOKIE_SECRET)));
        }
    }

    /**
     * The topic's one partition. Unlike the pipeline's topics, which operators provision, this one is created here when
     * missing, as Streams creates its internal topics: no process can start without it, and its shape is not a choice.
     */
    private static TopicPartition partitionOf(KafkaConsumer<?, ?> consumer, Topic<?, ?> secrets, HooklineConfig config,
                                              Duration timeout) {
        String topic = secrets.name();
        List<PartitionInfo> partitions = partitionsFor(consumer, topic, timeout);
        if (partitions.isEmpty()) {
            try (Admin admin = Admin.create(config.kafkaProperties())) {
                new TopicProvisioner(admin, config).ensure(List.of(secrets));
            }
            partitions = partitionsFor(consumer, topic, timeout);
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " was created but has no partitions yet");
            }
        }
        if (partitions.size() != 1) {
            // with several partitions "the first record" would depend on which partition one reads first
            throw new IllegalStateException("topic " + topic + " has " + partitions.size() + " partitions; it must have "
                    + "exactly 1 so that every process agrees on the first secret written");
        }
        return new TopicPartition(topic, 0);
    }

    private static List<PartitionInfo> partitionsFor(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, timeout);
            return partitions == null ? List.of() : partitions;
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("cannot read the partitions of topic " + topic + " within " + timeout + ": "
                    + e.getMessage(), e);
        }
    }

    /** The first valid stored value of each kind, reading the whole partition. */
    private static Map<String, String> readFirsts(KafkaConsumer<String, byte[]> consumer, TopicPartition partition,
                                                  long deadline) {
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition), remaining(deadline)).get(partition);
        Map<String, String> firsts = new HashMap<>();
        while (consumer.position(partition, remaining(deadline)) < end) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out reading topic " + partition.topic());
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                Stored stored = Stored.of(record);
                if (stored != null) {
                    firsts.putIfAbsent(stored.kind(), stored.value());
                }
            }
        }
        return firsts;
    }

    /** One stored secret: its kind and Mattermost's stored form of its value. */
    private record Stored(String kind, String value) {

        /** The secret a record holds, or null when it holds none that can be read (skipped, not fatal). */
        static Stored of(ConsumerRecord<String, byte[]> record) {
            if (record.value() == null) {
                return null;
            }
            try {
                JsonNode root = Json.mapper().readTree(record.value());
                String kind = root.path("kind").asText();
                String value = root.path("value").toString();
                if (SIGNING_KEY.equals(kind)) {
                    IntegrationSecrets.signingKeyFromJson(value);
                } else if (COOKIE_SECRET.equals(kind)) {
                    IntegrationSecrets.cookieKeyFromJson(value);
                } else {
                    return null;
                }
                return new Stored(kind, value);
            } catch (java.io.IOException | IllegalArgumentException e) {
                LOG.warn("skipped an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
                return null;
            }
        }
    }

    private static void write(HooklineConfig config, String topic, Map<String, String> found, long deadline) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(config))) {
            long now = System.currentTimeMillis();
            if (!found.containsKey(SIGNING_KEY)) {
                send(producer, topic, SIGNING_KEY, IntegrationSecrets.signingKeyJson(IntegrationSecrets.newSigningKey()),
                        now, deadline);
                LOG.info("made a new trigger-id signing key and stored it on {}", topic);
            }
            if (!found.containsKey(COOKIE_SECRET)) {
                send(producer, topic, COOKIE_SECRET, IntegrationSecrets.cookieKeyJson(IntegrationSecrets.newCookieKey()),
                        now, deadline);
                LOG.info("made a new action-cookie secret and stored it on {}", topic);
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String kind, String value, long now,
                             long deadline) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("kind", kind);
        try {
            record.set("value", Json.mapper().readTree(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        record.put("created_at", now);
        // a key of its own: compaction must never replace the first record of a kind by a later one
        String key = kind + ":" + Ids.newId();
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, record.toString().getBytes(StandardCharsets.UTF_8)))
                    .get(remaining(deadline).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while storing a secret", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot store a new " + kind + " on " + topic + ": " + cause, cause);
        }
    }

    private static Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }

    private static Map<String, Object> consumerProperties(HooklineConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.remove(ConsumerConfig.CLIENT_ID_CONFIG);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return p;
    }

    private static Map<String, Object> producerProperties(HooklineConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.remove(ProducerConfig.CLIENT_ID_CONFIG);
        p.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return p;
    }
}
