package io.hookline.ingestor.stream;

import io.hookline.runtime.topic.TopicSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.ingestor.IngestorService;
import io.hookline.runtime.secrets.IntegrationSecrets;
import io.hookline.ingestor.IngestorTopology;
import io.hookline.ingestor.outcome.OutcomeHandler;
import io.hookline.ingestor.testing.Fixtures;
import io.hookline.schemas.command.PostCommand;
import io.hookline.schemas.delivery.DeliveryOutcome;
import io.hookline.schemas.Ids;
import io.hookline.schemas.serde.JsonSerde;
import io.hookline.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** Whatever order and number of repeats outcomes arrive in, each delivery yields its command once, first-come. */
class DedupProperties {

    private static final JsonSerde<DeliveryOutcome> OUTCOMES = JsonSerde.of(DeliveryOutcome.class);

    @Property(tries = 25)
    void oneCommandPerDelivery(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 5) Integer> sequence)
            throws Exception {
        Path stateDir = Files.createTempDirectory("ingestor-dedup");
        HooklineConfig config = HooklineConfig.of(Map.of());
        HooklineConfig streams = config.with("bootstrap.servers", "127.0.0.1:9").with("state.dir", stateDir.toString());
        Topics topics = TopicSettings.topics(config);
        try (TopologyTestDriver driver = new TopologyTestDriver(IngestorTopology.build(
                IngestorService.APP.streamsBuilder(streams), config, topics,
                IntegrationSecrets.generate()), IngestorService.APP.properties(streams))) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic(topics.webhookResponses().name(),
                    new ByteArraySerializer(), new ByteArraySerializer());
            Set<String> expected = new LinkedHashSet<>();
            for (int n : sequence) {
                DeliveryOutcome outcome = n == 5 ? Fixtures.failed(500, "HTTP 500", 1)
                        : Fixtures.succeeded(Fixtures.trigger(Ids.deterministic("post", Integer.toString(n)), ""),
                        "{\"text\": \"answer " + n + "\"}");
                in.pipeInput(outcome.trigger().partitionKey().getBytes(StandardCharsets.UTF_8),
                        OUTCOMES.toBytes(outcome));
                expected.add(n == 5 ? io.hookline.ingestor.outcome.FailureNotice.commandId(outcome.deliveryId())
                        : OutcomeHandler.partCommandId(outcome.deliveryId(), 0));
            }
            List<String> ids = new ArrayList<>();
            driver.createOutputTopic(topics.postCommands().name(), topics.postCommands().keySerde().deserializer(),
                    topics.postCommands().valueSerde().deserializer()).readValuesToList()
                    .forEach((PostCommand c) -> ids.add(c.id()));
            assertThat(ids).containsExactlyElementsOf(expected);
        } finally {
            try (var paths = Files.walk(stateDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
