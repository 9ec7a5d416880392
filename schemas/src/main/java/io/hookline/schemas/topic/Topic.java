package io.hookline.schemas.topic;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic with the serdes of its key and value: the only way code names a topic, so that name and format can never
 * drift apart.
 *
 * @param logicalName the name in the contract ({@code posts}, ...), also the suffix of its config key
 * @param name        the actual topic name (configurable with {@code hookline.topic.<logical name>})
 * @param compacted   whether the topic is log-compacted
 * @param partitions  the partitions the topic must be created with, or 0 for the configured number
 */
public record Topic<K, V>(String logicalName, String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted,
                          int partitions) {

    /** A topic created with the configured number of partitions. */
    public Topic(String logicalName, String name, Serde<K> keySerde, Serde<V> valueSerde, boolean compacted) {
        this(logicalName, name, keySerde, valueSerde, compacted, 0);
    }

    public Topic {
        Objects.requireNonNull(logicalName, "logicalName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name for '" + logicalName + "' is blank");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
