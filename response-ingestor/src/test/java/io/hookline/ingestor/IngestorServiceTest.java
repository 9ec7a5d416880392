package io.hookline.ingestor;

import io.hookline.runtime.topic.TopicSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class IngestorServiceTest {

    @Test
    void streamsSettingsFollowTheConfig() {
        assertThat(IngestorService.APP.failFastProcessors()).isEmpty();
        Properties p = IngestorService.APP.properties(HooklineConfig.of(Map.of(
                "bootstrap.servers", "127.0.0.1:1", "hookline.application-id-prefix", "acme",
                "state.dir", "/var/lib/hookline", "hookline.failure-notices", "false")));
        assertThat(p).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "acme-ingestor")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry("bootstrap.servers", "127.0.0.1:1")
                .containsEntry("state.dir", "/var/lib/hookline")
                .doesNotContainKey("hookline.failure-notices");
        assertThat(IngestorService.APP.properties(HooklineConfig.of(Map.of(
                "hookline.processing-guarantee", "at_least_once"))))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "hookline-ingestor");
    }

    @Test
    void nameAndLifecycleWithoutABroker() {
        IngestorService service = new IngestorService(HooklineConfig.of(Map.of()));
        assertThat(service.name()).isEqualTo("ingestor");
        assertThat(service.isRunning()).isFalse();
        assertThatThrownBy(service::start).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers is not set");
        service.close();
        service.close();
        assertThatThrownBy(service::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badSettingsAreReportedByName() {
        assertThatThrownBy(() -> IngestorTopology.build(new StreamsBuilder(), HooklineConfig.of(Map.of(
                "hookline.ingestor-dedup-retention-hours", "0")), io.hookline.runtime.topic.TopicSettings.topics(
                HooklineConfig.of(Map.of())), io.hookline.runtime.secrets.IntegrationSecrets.generate()))
                .hasMessageContaining("hookline.ingestor-dedup-retention-hours must be at least 1");
        assertThatThrownBy(() -> IngestorTopology.build(new StreamsBuilder(), HooklineConfig.of(Map.of(
                "hookline.failure-notices", "yes")), io.hookline.runtime.topic.TopicSettings.topics(
                HooklineConfig.of(Map.of())), io.hookline.runtime.secrets.IntegrationSecrets.generate()))
                .hasMessageContaining("hookline.failure-notices must be true or false");
    }

    @Test
    void settingsAreListed() {
        assertThat(IngestorSettings.ALL).extracting(k -> k.name())
                .containsExactly("hookline.enable-post-username-override", "hookline.enable-post-icon-override",
                        "hookline.failure-notices", "hookline.ingestor-dedup-retention-hours");
        assertThat(IngestorSettings.ENABLE_POST_USERNAME_OVERRIDE.defaultValue()).isEqualTo("false");
        assertThat(IngestorSettings.FAILURE_NOTICES.defaultValue()).isEqualTo("true");
    }
}
