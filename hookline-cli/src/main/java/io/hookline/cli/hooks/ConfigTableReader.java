package io.hookline.cli.hooks;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.schemas.hook.HookLiveness;
import io.hookline.schemas.hook.HookState;
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

/**
 * Reads the compacted {@code webhook-configs} topic from its beginning to its current end into a {@link HookTable},
 * deciding each record with the matcher's rule ({@link HookLiveness}), so the table shows what the matcher fires.
 */
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
        Map<String, HookState> states = new LinkedHashMap<>();
        Set<String> deleted = new HashSet<>();
        int[] keyless = {0};
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topic.name(), progressNotes)) {
            reader.seekToBeginning();
            reader.readToEnd(r -> apply(r, states, deleted, keyless), () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        return new HookTable(states, deleted.size(), keyless[0]);
    }

    private static void apply(ConsumerRecord<byte[], byte[]> r, Map<String, HookState> states, Set<String> deleted,
                              int[] keyless) {
        String id = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        HookState state = HookLiveness.decide(id, r.value());
        if (state.hookId() == null) {
            keyless[0]++;
            return;
        }
        // Re-inserting keeps the map in order of latest write, which is what a listing shows.
        states.remove(id);
        if (state instanceof HookState.Deleted) {
            deleted.add(id);
        } else {
            deleted.remove(id);
            states.put(id, state);
        }
    }
}
