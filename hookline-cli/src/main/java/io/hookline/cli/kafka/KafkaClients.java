package io.hookline.cli.kafka;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.config.Settings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka clients for short-lived commands. They get every Kafka setting of the configuration (TLS, SASL pass through)
 * plus timeouts short enough that a command against an unreachable broker fails within seconds instead of hanging
 * for the client defaults (a minute and more); explicit settings win.
 */
public final class KafkaClients {

    private final HooklineConfig config;

    public KafkaClients(HooklineConfig config) {
        this.config = config;
        config.require(Settings.BOOTSTRAP_SERVERS);
    }

    public String bootstrapServers() {
        return config.get(Settings.BOOTSTRAP_SERVERS);
    }

    public Admin admin() {
        Map<String, Object> props = base();
        props.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "hookline-cli-admin");
        return Admin.create(props);
    }

    /** An idempotent producer that waits for all in-sync replicas. */
    public <K, V> KafkaProducer<K, V> producer(Serializer<K> keySerializer, Serializer<V> valueSerializer) {
        Map<String, Object> props = base();
        props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "hookline-cli");
        return new KafkaProducer<>(props, keySerializer, valueSerializer);
    }

    /**
     * Sends {@code records} with one {@link #producer} and hands each one's metadata to {@code acknowledged}, in the
     * order given, once the broker has it (30 s at most each).
     *
     * @param what    what is being written, for the message when the thread is interrupted
     * @throws CliFailure naming the bootstrap servers when the broker cannot be reached or refuses a record
     */
    public <K, V> void send(Serializer<K> keySerializer, Serializer<V> valueSerializer,
                            List<ProducerRecord<K, V>> records, Consumer<RecordMetadata> acknowledged, String what) {
        try (KafkaProducer<K, V> producer = producer(keySerializer, valueSerializer)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
            records.forEach(r -> sent.add(producer.send(r)));
            for (Future<RecordMetadata> f : sent) {
                acknowledged.accept(f.get(30, TimeUnit.SECONDS));
            }
        } catch (ExecutionException e) {
            throw Unreachable.describe(bootstrapServers(), (Exception) e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw Unreachable.describe(bootstrapServers(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + what, e);
        }
    }

    /**
     * A consumer of raw bytes without a group: commands assign partitions themselves and never commit, so reading
     * never disturbs the services' consumer groups. Only committed records of transactions are seen.
     */
    public KafkaConsumer<byte[], byte[]> rawConsumer() {
        Map<String, Object> props = base();
        props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        props.putIfAbsent(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "hookline-cli-reader");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Reading must never create a topic (a typo in `tail` would otherwise leave a stray topic behind).
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<String, Object> base() {
        return new HashMap<>(config.kafkaProperties());
    }
}
