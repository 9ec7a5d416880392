package io.hookline.cli.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.deadletters.DeadLetterReplay;
import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.cli.tail.RecordFormatter;
import io.hookline.runtime.config.HooklineConfig;
import io.hookline.runtime.topic.TopicSettings;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.KafkaException;

/**
 * The Dead letters page's API: the dead letters with stage, reason and source position (the record as
 * {@code dead-letters list} prints it, secrets masked), and replay of one or a selection through the CLI's own
 * {@link DeadLetterReplay}.
 */
final class DeadLettersApi implements ConsoleApi {

    static final int DEFAULT_LIMIT = 500;

    private final HooklineConfig config;
    private final KafkaClients clients;
    private final Topics topics;

    DeadLettersApi(HooklineConfig config) {
        this.config = config;
        this.clients = new KafkaClients(config);
        this.topics = TopicSettings.topics(config);
    }

    /** A dead letter as the page lists it; {@code record} is the masked record, {@code notReplayable} why not. */
    record Letter(String position, int partition, long offset, long timestamp, String stage, String reason,
                  String sourceTopic, Integer sourcePartition, Long sourceOffset, boolean replayable,
                  String notReplayable, JsonNode record) {
    }

    /** The body of a replay: positions {@code PARTITION:OFFSET} of the dead-letters topic. */
    record ReplaySelection(List<String> positions) {
    }

    @Override
    public void register(Routes routes) {
        routes.get("/api/dead-letters", r -> ApiResponse.ok(list(r.queryParam("stage"), r.queryParam("source_topic"))));
        routes.post("/api/dead-letters/replay", r -> ApiResponse.ok(replay(r.body(ReplaySelection.class))));
    }

    private Map<String, Object> list(String stage, String sourceTopic) {
        RecordFormatter formatter = new RecordFormatter(false);
        List<Letter> letters = new ArrayList<>();
        int[] total = {0};
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), topics.deadLetters().name())) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                DeadLetter d = DeadLetter.from(r.headers());
                if (stage != null && (d == null || !stage.equals(d.stage()))) {
                    return;
                }
                if (sourceTopic != null && (d == null || !sourceTopic.equals(d.topic()))) {
                    return;
                }
                total[0]++;
                String why = DeadLetterReplay.unreplayable(r, topics);
                JsonNode record;
                try {
                    record = Json.mapper().readTree(formatter.format(r));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                letters.add(new Letter(r.partition() + ":" + r.offset(), r.partition(), r.offset(), r.timestamp(),
                        d == null ? null : d.stage(), d == null ? null : d.reason(), d == null ? null : d.topic(),
                        d == null ? null : d.partition(), d == null ? null : d.offset(), why == null, why, record));
            }, () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        // newest first, and only the newest when there are many
        List<Letter> newest = new ArrayList<>();
        for (int i = letters.size() - 1; i >= 0 && newest.size() < DEFAULT_LIMIT; i--) {
            newest.add(letters.get(i));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dead_letters", newest);
        body.put("total", total[0]);
        body.put("topic", topics.deadLetters().name());
        return body;
    }

    private DeadLetterReplay.Report replay(ReplaySelection selection) {
        List<String> given = selection.positions();
        if (given == null || given.isEmpty()) {
            throw ApiException.badRequest("positions", "say which dead letters to replay (their PARTITION:OFFSET)");
        }
        Set<String> positions = new LinkedHashSet<>();
        for (String p : given) {
            String[] parts = p == null ? new String[0] : p.trim().split(":");
            try {
                if (parts.length == 2) {
                    positions.add(Integer.parseInt(parts[0]) + ":" + Long.parseLong(parts[1]));
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ApiException.badRequest("positions", "a position is PARTITION:OFFSET of the dead-letters topic, "
                    + "e.g. 0:17; got '" + p + "'");
        }
        DeadLetterReplay.Report report = new DeadLetterReplay(config).replay(
                r -> positions.contains(r.partition() + ":" + r.offset()), null, r -> { });
        if (report.selected() < positions.size()) {
            List<String> found = new ArrayList<>();
            report.replayed().forEach(r -> found.add(r.partition() + ":" + r.offset()));
            report.skipped().forEach(s -> found.add(s.partition() + ":" + s.offset()));
            List<String> missing = positions.stream().filter(p -> !found.contains(p)).toList();
            if (report.selected() == 0) {
                throw ApiException.notFound("no dead letter at " + String.join(", ", missing) + " of "
                        + topics.deadLetters().name());
            }
        }
        return report;
    }
}
