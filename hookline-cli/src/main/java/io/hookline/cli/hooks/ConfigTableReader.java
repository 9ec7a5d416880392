package io.hookline.cli.hooks;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.topic.Topic;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;

/** Reads the compacted {@code webhook-configs} topic from its beginning to its current end into a {@link HookTable}. */
public final class ConfigTableReader {

    private final KafkaClients clients;
    private final Topic<String, OutgoingWebhook> topic;
    private final PrintWriter progressNotes;

    /** A reader that reports its progress on {@code progressNotes} (stderr) when reading takes long; null: never. */
    public ConfigTableReader(KafkaClients clients, Topic<String, OutgoingWebhook> topic, PrintWriter progressNotes) {
        this.clients = clients;
        this.topic = topic;
        this.progressNotes = progressNotes;
    }

    public HookTable read() {
        Map<String, OutgoingWebhook> live = new LinkedHashMap<>();
        Set<String> deleted = new HashSet<>();
        int[] unreadable = {0};
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topic.name(), progressNotes)) {
            reader.seekToBeginning();
            reader.readToEnd(r -> apply(r, live, deleted, unreadable), () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        return new HookTable(live, deleted.size(), unreadable[0]);
    }

    private void apply(ConsumerRecord<byte[], byte[]> r, Map<String, OutgoingWebhook> live, Set<String> deleted,
                       int[] unreadable) {
        if (r.key() == null) {
            unreadable[0]++;
            return;
        }
        String id = new String(r.key(), StandardCharsets.UTF_8);
        OutgoingWebhook hook;
        try {
            hook = topic.valueSerde().deserializer().deserialize(topic.name(), r.value());
        } catch (SerializationException e) {
            unreadable[0]++;
            return;
        }
        // Re-inserting keeps the map in order of latest write, which is what a listing shows.
        live.remove(id);
        if (hook == null || hook.isDeleted()) {
            deleted.add(id);
        } else {
            deleted.remove(id);
            live.put(id, hook);
        }
    }
}
