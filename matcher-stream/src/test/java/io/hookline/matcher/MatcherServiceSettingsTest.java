package io.hookline.matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class MatcherServiceSettingsTest {

    private static HooklineConfig config(Map<String, String> values) {
        return HooklineConfig.of(values);
    }

    @Test
    void applicationIdsComeFromThePrefix() {
        HooklineConfig config = config(Map.of("hookline.application-id-prefix", "acme"));
        assertThat(MatcherService.MATCHER_APP.applicationId(config)).isEqualTo("acme-matcher");
        assertThat(MatcherService.CONFIG_AUDIT_APP.applicationId(config)).isEqualTo("acme-matcher-config-audit");
        assertThat(MatcherService.MATCHER_APP.applicationId(config(Map.of()))).isEqualTo("hookline-matcher");
    }

    @Test
    void onlyTheHookTableFailsFast() {
        assertThat(MatcherService.MATCHER_APP.failFastProcessors()).containsExactly(MatcherTopology.HOOK_TABLE_UPDATER);
        assertThat(MatcherService.CONFIG_AUDIT_APP.failFastProcessors()).isEmpty();
        assertThat(MatcherService.MATCHER_APP.properties(config(Map.of("bootstrap.servers", "127.0.0.1:1"))))
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2");
    }

    @Test
    void postsAloneAreGatheredIntoFullerFetchesEachCommittedOnceProcessed() {
        HooklineConfig defaults = config(Map.of("bootstrap.servers", "127.0.0.1:1"));
        assertThat(MatcherService.MATCHER_APP.properties(defaults)).as("20ms by default")
                .containsEntry("main.consumer.fetch.max.wait.ms", 20)
                .containsEntry("commit.interval.ms", 10L);
        assertThat(MatcherService.CONFIG_AUDIT_APP.properties(defaults)).as("the audit is idle nearly always")
                .doesNotContainKey("main.consumer.fetch.max.wait.ms")
                .containsEntry("commit.interval.ms", 15L);
        assertThat(MatcherService.MATCHER_APP.properties(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                MatcherSettings.POST_FETCH_WAIT.name(), "0")))).as("0: each post handed over at once")
                .doesNotContainKey("main.consumer.fetch.max.wait.ms")
                .containsEntry("commit.interval.ms", 15L);
    }

    @Test
    void theServiceRejectsBadSettingsAtConstructionNamingTheKey() {
        assertThatThrownBy(() -> new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                "hookline.processing-guarantee", "exactly_once"))))
                .hasMessageContaining("hookline.processing-guarantee must be exactly_once_v2 or at_least_once")
                .hasMessageContaining("got 'exactly_once'");
        assertThatThrownBy(() -> new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                "hookline.enable-outgoing-webhooks", "yes"))))
                .hasMessageContaining("hookline.enable-outgoing-webhooks must be true or false");
        assertThatThrownBy(() -> new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1",
                MatcherSettings.POST_FETCH_WAIT.name(), "1s"))))
                .hasMessageContaining("hookline.matcher.post-fetch-wait must be at most 500ms");
        assertThatThrownBy(() -> new MatcherService(config(Map.of())))
                .hasMessageContaining("bootstrap.servers is not set");
        MatcherService service = new MatcherService(config(Map.of("bootstrap.servers", "127.0.0.1:1")));
        assertThat(service.name()).isEqualTo("matcher");
        assertThat(service.isRunning()).isFalse();
        assertThat(service.health().state()).isEqualTo("NOT_STARTED");
        service.close();
        service.close();
        assertThat(service.health().state()).isEqualTo("CLOSED");
        assertThatThrownBy(service::start).hasMessageContaining("closed");
    }
}
