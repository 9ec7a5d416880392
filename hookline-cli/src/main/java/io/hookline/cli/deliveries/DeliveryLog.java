package io.hookline.cli.deliveries;

import io.hookline.cli.kafka.KafkaClients;
import io.hookline.cli.kafka.TopicReader;
import io.hookline.cli.kafka.Unreachable;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.topic.Topic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.KafkaException;

/**
 * The delivery log, {@code webhook-responses}, read from its beginning to its end: every outcome in log order (a later
 * outcome of a delivery id is its latest), and how many records were not outcomes.
 *
 * @param unreadable records that are not delivery outcomes (the ingestor dead-letters them)
 */
public record DeliveryLog(List<DeliveryOutcome> outcomes, int unreadable) {

    public DeliveryLog {
        outcomes = List.copyOf(outcomes);
    }

    /**
     * @param progressNotes where a long read reports its progress; null: nowhere
     * @throws io.hookline.cli.CliFailure naming the bootstrap servers when the broker cannot be reached
     */
    public static DeliveryLog read(KafkaClients clients, Topic<String, DeliveryOutcome> responses,
                                   PrintWriter progressNotes) {
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        int[] unreadable = {0};
        try (TopicReader reader = new TopicReader(clients.rawConsumer(), responses.name(), progressNotes)) {
            reader.seekToBeginning();
            reader.readToEnd(r -> {
                try {
                    DeliveryOutcome outcome = responses.valueSerde().deserializer().deserialize(r.topic(), r.value());
                    if (outcome != null) {
                        outcomes.add(outcome);
                    }
                } catch (RuntimeException e) {
                    unreadable[0]++;
                }
            }, () -> true);
        } catch (KafkaException e) {
            throw Unreachable.describe(clients.bootstrapServers(), e);
        }
        return new DeliveryLog(outcomes, unreadable[0]);
    }
}
