package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.cli.DeadLetterSamples;
import io.hookline.cli.IsolatedConfig;
import io.hookline.cli.TopicRecords;
import io.hookline.cli.kafka.TopicSetup;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.deadletter.DeadLetter;
import io.hookline.schemas.topic.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Dead letters page's API on the real broker: stage, reason, source; a selection replayed, bytes unchanged. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLettersApiOnBrokerTest {

    @Test
    void deadLettersAreListedNewestFirstAndASelectionIsReplayedToItsSourceTopic(KafkaBroker broker)
            throws Exception {
        IsolatedConfig isolated = new IsolatedConfig(broker);
        Topics topics = isolated.topics();
        TopicSetup.ensure(isolated.config());
        DeadLetterSamples.write(broker.bootstrapServers(), topics);
        try (Console console = Console.start(isolated.config(), List.of())) {
            ConsoleClient client = new ConsoleClient(console.url());
            ConsoleClient.Answer list = client.get("/api/dead-letters");
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.get("total").asInt()).isEqualTo(4);
            JsonNode letters = list.get("dead_letters");
            assertThat(letters.findValuesAsText("position")).containsExactly("0:3", "0:2", "0:1", "0:0");
            JsonNode post = letters.get(3);
            assertThat(post.get("stage").asText()).isEqualTo("matcher");
            assertThat(post.get("reason").asText()).isEqualTo("post.channel_id is missing");
            assertThat(post.get("source_topic").asText()).isEqualTo(topics.posts().name());
            assertThat(post.get("source_partition").asInt()).isEqualTo(3);
            assertThat(post.get("source_offset").asLong()).isEqualTo(41);
            assertThat(post.get("replayable").asBoolean()).isTrue();
            JsonNode foreign = letters.get(1);
            assertThat(foreign.get("replayable").asBoolean()).isFalse();
            assertThat(foreign.get("not_replayable").asText())
                    .contains("'" + DeadLetterSamples.FOREIGN_TOPIC + "' is not one of");
            JsonNode failedDelivery = letters.get(0);
            assertThat(failedDelivery.get("replayable").asBoolean()).isFalse();
            assertThat(failedDelivery.get("not_replayable").asText())
                    .contains(DeadLetterSamples.FAILED_DELIVERY_ID);
            assertThat(list.body()).as("secrets masked as dead-letters list masks them")
                    .doesNotContain(DeadLetterSamples.POST_TOKEN);
            assertThat(client.get("/api/dead-letters?stage=ingestor").get("dead_letters").findValuesAsText("position"))
                    .containsExactly("0:1");

            ConsoleClient.Answer replay = client.post("/api/dead-letters/replay",
                    Map.of("positions", List.of("0:0", "0:1", "0:2")));
            assertThat(replay.status()).as(replay.body()).isEqualTo(200);
            assertThat(replay.get("selected").asInt()).isEqualTo(3);
            assertThat(replay.get("replayed").findValuesAsText("topic"))
                    .containsExactlyInAnyOrder(topics.posts().name(), topics.webhookResponses().name());
            assertThat(replay.get("skipped")).hasSize(1);
            assertThat(replay.get("skipped").get(0).get("offset").asLong()).isEqualTo(2);

            List<ConsumerRecord<String, String>> posts = TopicRecords.readAll(broker.bootstrapServers(),
                    topics.posts().name(), new StringDeserializer());
            assertThat(posts).singleElement().satisfies(r -> {
                assertThat(r.value()).isEqualTo(DeadLetterSamples.POST_WITHOUT_CHANNEL);
                assertThat(r.headers().lastHeader(DeadLetter.STAGE)).isNull();
            });

            assertThat(client.post("/api/dead-letters/replay", Map.of("positions", List.of("0:99"))).status())
                    .isEqualTo(404);
            ConsoleClient.Answer malformed = client.post("/api/dead-letters/replay",
                    Map.of("positions", List.of("zero")));
            assertThat(malformed.status()).isEqualTo(400);
            assertThat(malformed.text("field")).isEqualTo("positions");
            assertThat(client.post("/api/dead-letters/replay", Map.of()).status()).isEqualTo(400);
        }
    }
}
