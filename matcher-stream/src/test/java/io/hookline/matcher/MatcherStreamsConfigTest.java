package io.hookline.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import io.hookline.matcher.stream.DeadLetteringExceptionHandler;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class MatcherStreamsConfigTest {

    private static HooklineConfig config(Map<String, String> values) {
        return HooklineConfig.of(values);
    }

    @Test
    void applicationIdsComeFromThePrefix() {
        HooklineConfig config = config(Map.of("hookline.application-id-prefix", "acme"));
        assertThat(MatcherStreamsConfig.matcherApplicationId(config)).isEqualTo("acme-matcher");
        assertThat(MatcherStreamsConfig.configAuditApplicationId(config)).isEqualTo("acme-matcher-config-audit");
        assertThat(MatcherStreamsConfig.matcherApplicationId(config(Map.of()))).isEqualTo("hookline-matcher");
    }

    @Test
    void exactlyOnceByDefaultExplicitNamingAlwaysKafkaSettingsPassThrough() {
        Properties props = MatcherStreamsConfig.properties(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                "security.protocol", "SSL", "num.stream.threads", "3", "hookline.topic.dead-letters", "dlq")), "app");
        assertThat(props).containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "app")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
                .containsEntry(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true)
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetteringExceptionHandler.class.getName())
                .containsEntry(DeadLetteringExceptionHandler.DEAD_LETTERS_TOPIC_CONFIG, "dlq")
                .doesNotContainKey(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG)
                .containsEntry("bootstrap.servers", "127.0.0.1:1")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("num.stream.threads", "3")
                .doesNotContainKey("hookline.topic.dead-letters");
        new StreamsConfig(props);
    }

    @Test
    void theGuaranteeIsConfigurableAndCheckedByItsHooklineName() {
        Properties props = MatcherStreamsConfig.properties(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                "hookline.processing-guarantee", "at_least_once")), "app");
        assertThat(props).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once");
        assertThatThrownBy(() -> new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                "hookline.processing-guarantee", "exactly_once"))))
                .hasMessageContaining("hookline.processing-guarantee must be exactly_once_v2 or at_least_once")
                .hasMessageContaining("got 'exactly_once'");
    }

    @Test
    void theServiceRejectsBadSettingsAtConstructionNamingTheKey() {
        assertThatThrownBy(() -> new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                "hookline.enable-outgoing-webhooks", "yes"))))
                .hasMessageContaining("hookline.enable-outgoing-webhooks must be true or false");
        assertThatThrownBy(() -> new MatcherService(config(Map.of())))
                .hasMessageContaining("bootstrap.servers is not set");
        MatcherService service = new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1")));
        assertThat(service.name()).isEqualTo("matcher");
        assertThat(service.isRunning()).isFalse();
        service.close();
        service.close();
        assertThatThrownBy(service::start).hasMessageContaining("closed");
    }
}
