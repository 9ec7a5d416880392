package io.hookline.dispatcher.lane;

import io.hookline.dispatcher.flow.PartitionProgress;
import io.hookline.schemas.topic.Topic;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * How every lane reads a record: deserialize its value, check it with the lane's own rule, and send a record that
 * fails either to dead letters whole (through {@link LaneLoop#poison}) rather than stop the lane on it.
 *
 * @param <V> the topic's value type
 */
final class RecordReader<V> {

    private final Topic<String, V> topic;
    private final String unreadable;
    private final Function<V, String> problem;

    /**
     * @param unreadable what a record that cannot be read is called in its dead letter ("unreadable trigger")
     * @param problem    the lane's rule: why a deserialized value cannot be used, or null when it can
     */
    RecordReader(Topic<String, V> topic, String unreadable, Function<V, String> problem) {
        this.topic = topic;
        this.unreadable = unreadable;
        this.problem = problem;
    }

    /** The record's value, or null once the record was sent to dead letters. */
    V read(ConsumerRecord<byte[], byte[]> record, PartitionProgress progress, LaneLoop loop) {
        try {
            V value = topic.valueSerde().deserializer().deserialize(record.topic(), record.value());
            if (value == null) {
                throw new IllegalArgumentException("the record has no value");
            }
            String why = problem.apply(value);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            return value;
        } catch (RuntimeException e) {
            loop.poison(record, progress, unreadable, e);
            return null;
        }
    }
}
