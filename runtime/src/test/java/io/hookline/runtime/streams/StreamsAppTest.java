package io.hookline.runtime.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class StreamsAppTest {

    private static final StreamsApp MAIN = StreamsApp.main("matcher").failingFastIn("table", "other");

    @Test
    void applicationIdsArePrefixStageAndRoleOfASecondaryApplication() {
        HooklineConfig acme = HooklineConfig.of(Map.of("hookline.application-id-prefix", "acme"));
        assertThat(MAIN.applicationId(acme)).isEqualTo("acme-matcher");
        assertThat(StreamsApp.secondary("matcher", "config-audit").applicationId(acme))
                .isEqualTo("acme-matcher-config-audit");
        assertThat(StreamsApp.main("ingestor").applicationId(HooklineConfig.of(Map.of())))
                .isEqualTo("hookline-ingestor");
        assertThat(MAIN.role()).isEqualTo("matcher");
    }

    @Test
    void exactlyOnceByDefaultExplicitNamingAlwaysKafkaSettingsPassThrough() {
        Properties props = MAIN.properties(HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1",
                "security.protocol", "SSL", "num.stream.threads", "3", "hookline.topic.dead-letters", "dlq")));
        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "hookline-matcher")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetteringExceptionHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true)
                .containsEntry(DeadLetteringExceptionHandler.DEAD_LETTERS_TOPIC_CONFIG, "dlq")
                .containsEntry(DeadLetteringExceptionHandler.STAGE_CONFIG, "matcher")
                .doesNotContainKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)
                .containsEntry("bootstrap.servers", "127.0.0.1:1")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("num.stream.threads", "3")
                .doesNotContainKey("hookline.topic.dead-letters");
        assertThat(props.get(DeadLetteringExceptionHandler.FAIL_FAST_PROCESSORS_CONFIG).toString().split(","))
                .containsExactlyInAnyOrder("table", "other");
        new StreamsConfig(props);
    }

    @Test
    void anOperatorsHandlerWinsOverHooklines() {
        Properties props = MAIN.properties(HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1",
                StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, "com.example.Handler")));
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                "com.example.Handler");
    }

    @Test
    void theGuaranteeIsConfigurableAndCheckedByItsHooklineName() {
        assertThat(MAIN.properties(HooklineConfig.of(Map.of("hookline.processing-guarantee", "at_least_once"))))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
        assertThatThrownBy(() -> MAIN.properties(HooklineConfig.of(Map.of(
                "hookline.processing-guarantee", "exactly_once"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hookline.processing-guarantee must be exactly_once_v2 or at_least_once")
                .hasMessageContaining("got 'exactly_once'");
    }

    @Test
    void commitsEvery15MillisecondsUnlessConfiguredByHooklinesKeyOrKafkasOwn() {
        assertThat(MAIN.properties(HooklineConfig.of(Map.of())))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 15L);
        assertThat(MAIN.properties(HooklineConfig.of(Map.of("hookline.commit-interval", "1s"))))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000L);
        assertThat(MAIN.properties(HooklineConfig.of(Map.of("hookline.commit-interval", "1s",
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "40"))))
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "40");
        assertThatThrownBy(() -> MAIN.properties(HooklineConfig.of(Map.of("hookline.commit-interval", "0ms"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hookline.commit-interval");
        assertThatThrownBy(() -> MAIN.properties(HooklineConfig.of(Map.of("hookline.commit-interval", "soon"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hookline.commit-interval");
    }

    @Test
    void aKilledInstancesTasksAreFreedWithinSecondsUnlessConfiguredOtherwise() {
        HooklineConfig defaults = HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1"));
        Properties props = MAIN.properties(defaults);
        assertThat(props).containsEntry("session.timeout.ms", 6000).containsEntry("heartbeat.interval.ms", 1000)
                .containsEntry("producer.transaction.timeout.ms", 6000);
        StreamsConfig streams = new StreamsConfig(props);
        assertThat(streams.getMainConsumerConfigs("g", "c", 0)).containsEntry("session.timeout.ms", 6000);
        assertThat(streams.getProducerConfigs("p")).containsEntry("transaction.timeout.ms", 6000);

        Properties configured = MAIN.properties(defaults.with("transaction.timeout.ms", "20000")
                .with("session.timeout.ms", "30000"));
        assertThat(new StreamsConfig(configured).getProducerConfigs("p")).containsEntry("transaction.timeout.ms",
                20000);
        assertThat(configured).containsEntry("session.timeout.ms", 30000);
        assertThatThrownBy(() -> MAIN.properties(defaults.with("transaction.timeout.ms", "-1")))
                .hasMessageContaining("transaction.timeout.ms must be a positive number of milliseconds, got -1");
        // Streams itself refuses a commit interval the transactions cannot last
        assertThatThrownBy(() -> new StreamsConfig(MAIN.properties(defaults.with("transaction.timeout.ms", "6000")
                .with("commit.interval.ms", "7000"))))
                .hasMessageContaining("Transaction timeout 6000 was set lower than streams commit interval 7000");
    }

    @Test
    void anApplicationGatheringItsInputHasItsMainConsumersFetchesHeldForTheConfiguredWaitOnly() {
        ConfigKey wait = ConfigKey.of("hookline.test.input-wait", "0", "test");
        StreamsApp gathering = MAIN.gatheringInputFor(wait);
        assertThat(gathering.failFastProcessors()).isEqualTo(MAIN.failFastProcessors());
        HooklineConfig defaults = HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1"));
        assertThat(gathering.properties(defaults)).as("0: Kafka's own fetch behaviour")
                .doesNotContainKeys("main.consumer.fetch.max.wait.ms", "main.consumer.fetch.min.bytes");

        StreamsConfig streams = new StreamsConfig(gathering.properties(defaults.with(wait.name(), "20ms")));
        assertThat(streams.getMainConsumerConfigs("g", "c", 0)).containsEntry("fetch.max.wait.ms", 20)
                .containsEntry("fetch.min.bytes", 1024 * 1024);
        assertThat(streams.getRestoreConsumerConfigs("c")).as("restoring reads as fast as it can")
                .doesNotContainEntry("fetch.max.wait.ms", 20);
        assertThat(streams.getGlobalConsumerConfigs("c")).doesNotContainEntry("fetch.max.wait.ms", 20);
        assertThat(MAIN.properties(defaults.with(wait.name(), "20ms"))).as("only where the application asks")
                .doesNotContainKey("main.consumer.fetch.max.wait.ms");
    }

    @Test
    void anApplicationGatheringItsInputCommitsEachGatheredBatchUnlessTheOperatorSetTheCommitInterval() {
        ConfigKey wait = ConfigKey.of("hookline.test.input-wait", "0", "test");
        StreamsApp gathering = MAIN.gatheringInputFor(wait);
        HooklineConfig defaults = HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1"));
        assertThat(gathering.properties(defaults)).as("no wait: hookline.commit-interval")
                .containsEntry("commit.interval.ms", 15L);
        assertThat(gathering.properties(defaults.with(wait.name(), "20ms"))).as("half the wait")
                .containsEntry("commit.interval.ms", 10L);
        assertThat(gathering.properties(defaults.with(wait.name(), "100ms"))).as("never longer than configured")
                .containsEntry("commit.interval.ms", 15L);
        assertThat(gathering.properties(defaults.with(wait.name(), "1ms"))).containsEntry("commit.interval.ms", 1L);
        assertThat(gathering.properties(defaults.with(wait.name(), "20ms").with("hookline.commit-interval", "5ms")))
                .containsEntry("commit.interval.ms", 5L);
        assertThat(gathering.properties(defaults.with(wait.name(), "20ms").with("commit.interval.ms", "100")))
                .as("the operator's commit.interval.ms").containsEntry("commit.interval.ms", "100");
        assertThat(gathering.properties(defaults.with(wait.name(), "20ms").with("fetch.max.wait.ms", "50")))
                .as("the operator's own fetch wait: Hookline gathers nothing")
                .containsEntry("commit.interval.ms", 15L);
        assertThat(MAIN.properties(defaults.with(wait.name(), "20ms"))).as("only where the application gathers")
                .containsEntry("commit.interval.ms", 15L);
    }

    @Test
    void anOperatorsFetchSettingWinsOverTheInputWaitAndAWaitBeyondHalfASecondIsRefused() {
        ConfigKey wait = ConfigKey.of("hookline.test.input-wait", "0", "test");
        StreamsApp gathering = MAIN.gatheringInputFor(wait);
        HooklineConfig waiting = HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1", wait.name(), "20ms"));
        for (String operatorKey : List.of("fetch.max.wait.ms", "consumer.fetch.min.bytes",
                "main.consumer.fetch.max.wait.ms")) {
            Properties props = gathering.properties(waiting.with(operatorKey, "7"));
            assertThat(props).as(operatorKey).containsEntry(operatorKey, "7")
                    .doesNotContainKeys("main.consumer.fetch.min.bytes");
        }
        assertThatThrownBy(() -> gathering.properties(waiting.with(wait.name(), "2")))
                .hasMessageContaining("hookline.test.input-wait must be at most 500ms")
                .hasMessageContaining("got '2'");
        assertThatThrownBy(() -> gathering.properties(waiting.with(wait.name(), "soon")))
                .hasMessageContaining("hookline.test.input-wait must be a duration");
    }
}
