package io.hookline.cli.console;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.schemas.topic.Topic;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Reads a topic from its beginning to its current end, each value through the topic's serde; records that do not
 * parse (and tombstones) are passed over: the pages show what the pipeline could read too.
 */
final class TopicScan {

    private TopicScan() {
    }

    static <V> void scan(KafkaClients clients, Topic<?, V> topic, BiConsumer<ConsumerRecord<byte[], byte[]>, V> sink) {
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topic.name())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                if (r.value() == null) {
                    return;
                }
                V value;
                try {
                    value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
                } catch (RuntimeException e) {
                    return;
                }
                if (value != null) {
                    sink.accept(r, value);
                }
            }, () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
    }
}
