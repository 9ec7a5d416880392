package io.hookline.cli.interact;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.schemas.topic.Topic;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Finds what the chat server remembers of earlier events: the first value of a topic that matches, read from its
 * beginning to its current end. Unreadable records are passed over.
 */
final class TopicLookup {

    private TopicLookup() {
    }

    /** The first value of {@code topic} matching {@code wanted}, or null. */
    static <V> V first(KafkaClients clients, Topic<String, V> topic, Predicate<V> wanted) {
        AtomicReference<V> found = new AtomicReference<>();
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topic.name())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                V value;
                try {
                    value = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
                } catch (RuntimeException e) {
                    return;
                }
                if (value != null && wanted.test(value)) {
                    found.set(value);
                }
            }, () -> found.get() == null);
        }
        return found.get();
    }
}
