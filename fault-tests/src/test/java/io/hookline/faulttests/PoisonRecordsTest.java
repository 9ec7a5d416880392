package io.hookline.faulttests;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.hook.OutgoingWebhook;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad records in every input topic (not JSON, wrong types, a value near the 1 MB record limit, empty or missing keys),
 * written while the stages run: each must reach {@code dead-letters} exactly once with its source position and a
 * reason, and the good posts behind them must still be delivered in full.
 */
@ExtendWith(KafkaBrokerExtension.class)
class PoisonRecordsTest {

    private record Poison(String description, String topic, int partition, long offset) {
    }

    @Test
    void poisonInEveryInputTopicIsDeadLetteredAndProcessingContinues(KafkaBroker broker) throws Exception {
        try (CallbackServer callbacks = new CallbackServer();
             Pipeline pipeline = new Pipeline(broker, "poison", FaultReport.runDir("poison"), Map.of())) {
            pipeline.createTopics();
            OutgoingWebhook hook = pipeline.publishHook("Poison bot", List.of(callbacks.url(Behaviour.OK)));
            pipeline.startAll("matcher", "dispatcher", "ingestor");
            Topics topics = pipeline.topics();

            String huge = "x".repeat(900 * 1024);
            String validHook = Json.mapper().writeValueAsString(new OutgoingWebhook(Ids.newId(), Ids.newId(), 1, 1, 0,
                    Pipeline.CREATOR, "", Pipeline.TEAM, List.of("other"), 0, List.of(callbacks.url(Behaviour.OK)),
                    "keyless", "", "application/json", "", "", null));
            List<Poison> poisons = new ArrayList<>();
            try (KafkaProducer<String, String> producer = Pipeline.producer(pipeline.bootstrapServers())) {
                for (String topic : List.of(topics.posts().name(), topics.webhookTriggers().name(),
                        topics.webhookResponses().name())) {
                    poisons.add(send(producer, topic, "k1", "{not json", "bad JSON"));
                    poisons.add(send(producer, topic, "k2",
                            "{\"post\": 5, \"delivery_id\": [\"a\"], \"payload\": \"x\", \"trigger\": 7}",
                            "wrong types"));
                    poisons.add(send(producer, topic, "k3", "{\"post\": \"" + huge + "\"}", "huge value"));
                    poisons.add(send(producer, topic, "", "", "empty key, empty value"));
                }
                String configs = topics.webhookConfigs().name();
                poisons.add(send(producer, configs, Ids.newId(), "{not json", "bad JSON"));
                poisons.add(send(producer, configs, Ids.newId(), "{\"id\": 5, \"callback_urls\": \"x\"}",
                        "wrong types"));
                poisons.add(send(producer, configs, Ids.newId(), "{\"description\": \"" + huge + "\"}",
                        "huge value"));
                // (a record without key never reaches a compacted topic: the broker refuses it)
                poisons.add(send(producer, configs, "", validHook, "empty key"));
            }

            Ledger ledger = new Ledger();
            LoadDriver load = new LoadDriver(pipeline, List.of(hook), ledger);
            load.start(300, 50, 3).get(2, TimeUnit.MINUTES);

            try (LedgerReader reader = new LedgerReader(pipeline.bootstrapServers(), topics, ledger)) {
                reader.readUntil(() -> ledger.settled() && poisons.stream().allMatch(p -> count(reader, p) > 0),
                        Duration.ofSeconds(180));
                Ledger.Report report = ledger.report();
                FaultReport.print("poison records in every input topic", report, callbacks);
                for (Poison p : poisons) {
                    List<LedgerReader.DeadLetterSeen> seen = matching(reader, p);
                    System.out.println("  poison " + p.description() + " on " + p.topic() + " -> " + seen.stream()
                            .map(d -> d.header().stage() + ": " + d.header().reason()).toList());
                    assertThat(seen).as("dead letters of %s", p).hasSize(1);
                    assertThat(seen.get(0).header().reason()).isNotBlank();
                }
                assertThat(report.balanced()).as(report.summary()).isTrue();
                assertThat(report.count(Ledger.Fate.DELIVERED)).isEqualTo(load.matching());
            }
        }
    }

    private static Poison send(KafkaProducer<String, String> producer, String topic, String key, String value,
                               String description) throws Exception {
        RecordMetadata m = producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
        return new Poison(description, topic, m.partition(), m.offset());
    }

    private static long count(LedgerReader reader, Poison p) {
        return matching(reader, p).size();
    }

    private static List<LedgerReader.DeadLetterSeen> matching(LedgerReader reader, Poison p) {
        return reader.deadLetters().stream().filter(d -> d.header() != null
                && p.topic().equals(d.header().topic()) && d.header().partition() == p.partition()
                && d.header().offset() == p.offset()).toList();
    }
}
