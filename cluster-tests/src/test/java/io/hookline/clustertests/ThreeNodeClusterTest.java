package io.hookline.clustertests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.Await;
import io.hookline.localkafka.LocalKafkaCluster;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicProvisioner;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.topic.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Three brokers: Hookline's provisioner creates a topic with three copies and {@code min.insync.replicas=2}; the
 * leader of its partition is killed with {@code kill -9} while an {@code acks=all} idempotent producer writes, the
 * writes go on, every record is read back exactly once, and the node rejoins the in-sync replicas after a restart.
 */
class ThreeNodeClusterTest {

    private static final int RECORDS = 2_000;

    @Test
    void aKilledLeaderLosesNoAcknowledgedWriteAndRejoins() throws Exception {
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(ClusterDirs.fresh("three-nodes"), 3);
             Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()))) {
            HooklineConfig config = HooklineConfig.of(Map.of("bootstrap.servers", cluster.bootstrapServers(),
                    "hookline.topic.posts", "cluster-posts", "hookline.topic-partitions", "1"));
            Topic<?, ?> posts = TopicSettings.topics(config).posts();
            assertThat(new TopicProvisioner(admin, config).ensure(List.of(posts))).containsExactly("cluster-posts");

            TopicPartitionInfo partition = Await.value(() -> partition(admin, "cluster-posts"),
                    p -> p.leader() != null && p.isr().size() == 3, Duration.ofSeconds(60), "three in-sync copies");
            assertThat(partition.replicas()).hasSize(3);
            assertThat(minInsync(admin, "cluster-posts")).isEqualTo("2");

            AtomicInteger acked = new AtomicInteger();
            AtomicReference<Exception> failure = new AtomicReference<>();
            AtomicBoolean killed = new AtomicBoolean();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(cluster.bootstrapServers(),
                    acked, failure));
            Await.until(() -> acked.get() >= RECORDS / 3 || failure.get() != null, Duration.ofSeconds(60),
                    () -> RECORDS / 3 + " acknowledged writes before the kill");
            // the leader now, not at creation: leadership may have moved since (preferred leader election)
            int leader = partition(admin, "cluster-posts").leader().id();
            cluster.kill(leader);
            killed.set(true);
            // the controller notices the death after the broker session timeout, then elects another leader
            Await.value(() -> partition(admin, "cluster-posts"), p -> p.leader() != null && p.leader().id() != leader,
                    Duration.ofSeconds(60), "a new leader after node " + leader + " died");
            writing.get(3, TimeUnit.MINUTES);
            assertThat(failure.get()).as("no write failed").isNull();
            assertThat(acked.get()).isEqualTo(RECORDS);

            assertThat(readAll(cluster.bootstrapServers())).as("each record once, in order").isEqualTo(expected());

            cluster.restart(leader);
            Await.value(() -> partition(admin, "cluster-posts"), p -> p.isr().size() == 3, Duration.ofSeconds(90),
                    "node " + leader + " back in sync");
            assertThat(killed.get()).isTrue();
            // the data is thrown away: no need to wait for controlled shutdowns
            cluster.killAll();
        }
    }

    private static void write(String bootstrap, AtomicInteger acked, AtomicReference<Exception> failure) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>("cluster-posts", "k", Integer.toString(i)), (m, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    } else {
                        acked.incrementAndGet();
                    }
                });
                if (i % 20 == 19) {
                    Thread.sleep(20); // about 2 s of writes: they go on across the kill and the election
                }
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        }
    }

    private static List<String> expected() {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            values.add(Integer.toString(i));
        }
        return values;
    }

    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition("cluster-posts", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < RECORDS && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            // anything beyond RECORDS would be a duplicate: look once more
            consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
        }
        return values;
    }

    private static TopicPartitionInfo partition(Admin admin, String topic) {
        try {
            TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic);
            return d.partitions().get(0);
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe " + topic + ": " + e, e);
        }
    }

    private static String minInsync(Admin admin, String topic) throws Exception {
        ConfigResource r = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config c = admin.describeConfigs(List.of(r)).all().get(30, TimeUnit.SECONDS).get(r);
        return c.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value();
    }
}
