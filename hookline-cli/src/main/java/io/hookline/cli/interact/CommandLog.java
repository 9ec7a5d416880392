package io.hookline.cli.interact;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.topic.Topic;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * {@code post-commands} as the emulated chat server reads it: everything written so far (what it has applied), then
 * what arrives after that (the answers to what it publishes). One reader, so the answers are read from exactly where
 * the snapshot ended. Records that are not readable commands are skipped with a note: they answer nothing here.
 */
final class CommandLog implements AutoCloseable {

    private final TopicReader reader;
    private final Deserializer<PostCommand> values;
    private final String topic;
    private final PrintWriter notes;

    CommandLog(KafkaClients clients, Topic<String, PostCommand> topic, PrintWriter notes) {
        this.reader = new TopicReader(clients.rawConsumer(), topic.name(), notes);
        this.values = topic.valueSerde().deserializer();
        this.topic = topic.name();
        this.notes = notes;
    }

    /** Every command now on the topic, in each partition's order; afterwards {@link #follow} goes on from there. */
    List<LoggedCommand> readAll() {
        List<LoggedCommand> log = new ArrayList<>();
        reader.seekToBeginning();
        reader.readToEnd(r -> {
            PostCommand c = parse(r);
            if (c != null) {
                log.add(new LoggedCommand(c, r.timestamp()));
            }
        }, () -> true);
        return log;
    }

    /** Hands {@code sink} each new command until {@code done} holds or {@code timeout} has passed; returns done. */
    boolean follow(Consumer<PostCommand> sink, BooleanSupplier done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        reader.follow(r -> {
            PostCommand c = parse(r);
            if (c != null) {
                sink.accept(c);
            }
        }, () -> !done.getAsBoolean() && System.nanoTime() < deadline);
        return done.getAsBoolean();
    }

    private PostCommand parse(ConsumerRecord<byte[], byte[]> r) {
        try {
            return values.deserialize(topic, r.value());
        } catch (RuntimeException e) {
            notes.println("note: skipped " + topic + " partition " + r.partition() + " offset " + r.offset()
                    + ": not a readable command (" + e.getMessage() + ")");
            return null;
        }
    }

    @Override
    public void close() {
        reader.close();
    }
}
