package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.serde.Json;
import io.hookline.schemas.topic.Topics;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** dead-letters list and replay on the real broker. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLettersOnBrokerTest {

    @Test
    void listShowsWhoGaveUpAndWhyAndReplaySendsTheBytesBack(KafkaBroker broker) throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        Topics topics = isolated.topics();
        TopicSetup.ensure(isolated.config());
        DeadLetterSamples.write(broker.bootstrapServers(), topics);

        CliRun.Result all = CliRun.run(isolated.args("dead-letters", "list"));
        assertThat(all.exitCode()).as(all.toString()).isZero();
        List<String> lines = all.out().lines().toList();
        assertThat(lines).hasSize(4);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("headers").get(DeadLetter.STAGE).asText()).isEqualTo("matcher");
        assertThat(first.get("headers").get(DeadLetter.REASON).asText()).isEqualTo("post.channel_id is missing");
        assertThat(first.get("headers").get(DeadLetter.TOPIC).asText()).isEqualTo(topics.posts().name());
        assertThat(first.get("value").get("post").get("message").asText()).isEqualTo("no channel");
        assertThat(all.out()).doesNotContain(DeadLetterSamples.POST_TOKEN);

        CliRun.Result ingestor = CliRun.run(isolated.args("dead-letters", "list", "--stage", "ingestor"));
        assertThat(ingestor.out().lines()).singleElement().asString().contains("\"value_encoding\":\"base64\"");

        CliRun.Result nothingChosen = CliRun.run(isolated.args("dead-letters", "replay"));
        assertThat(nothingChosen.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(nothingChosen.err()).contains("--at PARTITION:OFFSET", "--all");

        CliRun.Result replay = CliRun.run(isolated.args("dead-letters", "replay", "--stage", "matcher",
                "--source-topic", topics.posts().name()));
        assertThat(replay.exitCode()).as(replay.toString()).isZero();
        assertThat(replay.err()).contains("replayed 1 of 1");
        List<ConsumerRecord<String, String>> posts = TopicRecords.readAll(broker.bootstrapServers(),
                topics.posts().name(), new StringDeserializer());
        assertThat(posts).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("chan1");
            assertThat(r.value()).isEqualTo(DeadLetterSamples.POST_WITHOUT_CHANNEL);
            assertThat(r.headers().lastHeader(DeadLetter.STAGE)).isNull();
        });

        CliRun.Result everything = CliRun.run(isolated.args("dead-letters", "replay", "--all"));
        assertThat(everything.exitCode()).as("two of four cannot go back").isEqualTo(ExitCodes.FAILURE);
        assertThat(everything.err()).contains("source topic '" + DeadLetterSamples.FOREIGN_TOPIC + "' is not one of Hookline's topics",
                "skipped dead letter 0:3: it records the failed delivery " + DeadLetterSamples.FAILED_DELIVERY_ID,
                "`hookline deliveries redeliver " + DeadLetterSamples.FAILED_DELIVERY_ID + "`", "replayed 2 of 4");
        assertThat(TopicRecords.readAll(broker.bootstrapServers(), topics.webhookTriggers().name(),
                new StringDeserializer())).as("a failed delivery is never replayed as a trigger").isEmpty();
        assertThat(TopicRecords.readAll(broker.bootstrapServers(), topics.webhookResponses().name(),
                new StringDeserializer())).hasSize(1);
    }
}
