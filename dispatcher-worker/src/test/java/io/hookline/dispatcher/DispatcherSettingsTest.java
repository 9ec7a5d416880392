package io.hookline.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.ssrf.AllowList;
import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.HooklineConfig;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatcherSettingsTest {

    @Test
    void everyKeyIsListedOnceWithADescriptionAndParsesAtItsDefault() {
        assertThat(DispatcherSettings.ALL).extracting(ConfigKey::name).doesNotHaveDuplicates()
                .contains("hookline.dispatcher.max-in-flight", "hookline.allowed-untrusted-internal-connections",
                        "hookline.connect-timeout", "hookline.outgoing-integration-requests-timeout");
        assertThat(DispatcherSettings.OWN).allSatisfy(k -> {
            assertThat(k.name()).startsWith("hookline.dispatcher.");
            assertThat(k.description()).isNotBlank();
            assertThat(k.defaultValue()).isNotNull();
        });
        DispatcherTuning t = DispatcherTuning.from(HooklineConfig.of(Map.of()));
        assertThat(t.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(t.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(t.maxInFlight()).isGreaterThan(t.maxInFlightPerHost());
        assertThat(t.interactionMaxInFlight()).isEqualTo(64);
        assertThat(t.interactionMaxInFlightPerHost()).isEqualTo(16);
        assertThat(DispatcherSettings.OWN).extracting(ConfigKey::name).contains(
                "hookline.dispatcher.interaction-max-in-flight",
                "hookline.dispatcher.interaction-max-in-flight-per-host");
        assertThat(t.allowList().entries()).isEmpty();
        assertThat(t.userAgent()).isEqualTo("Mattermost-Bot/1.1");
        assertThat(t.insecureTls()).isFalse();
        DispatcherTuning changed = DispatcherTuning.from(HooklineConfig.of(Map.of("hookline.user-agent", "Acme/2",
                "hookline.enable-insecure-outgoing-connections", "true")));
        assertThat(changed.userAgent()).isEqualTo("Acme/2");
        assertThat(changed.insecureTls()).isTrue();
    }

    @Test
    void anAllowListEntryThatCanMatchNothingIsIgnoredAndStartUpGoesOn() {
        DispatcherTuning t = DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.allowed-untrusted-internal-connections", "10.0.0.0/40, 127.0.0.1")));
        assertThat(t.allowList().ignored()).extracting(AllowList.Entry::text).containsExactly("10.0.0.0/40");
        assertThat(t.allowList().trustsHost("127.0.0.1")).isTrue();
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.dispatcher.retry-jitter", "2")))).hasMessageContaining("hookline.dispatcher.retry-jitter");
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.dispatcher.shutdown-grace", "later")))).hasMessageContaining("shutdown-grace");
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.dispatcher.interaction-max-in-flight", "0"))))
                .hasMessageContaining("hookline.dispatcher.interaction-max-in-flight must be at least 1");
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.user-agent", "Acme\r\nX-Injected: 1")))).hasMessageContaining("hookline.user-agent");
        assertThatThrownBy(() -> DispatcherTuning.from(HooklineConfig.of(Map.of(
                "hookline.enable-insecure-outgoing-connections", "yes"))))
                .hasMessageContaining("hookline.enable-insecure-outgoing-connections");
        assertThatThrownBy(() -> new DispatcherService(HooklineConfig.of(Map.of(
                "hookline.connect-timeout", "0"))).start()).hasMessageContaining("hookline.connect-timeout");
    }

    @Test
    void outcomesLingerTwoMillisecondsUnlessTheOperatorSaysOtherwise() {
        assertThat(new DispatcherService(HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1")))
                .producerProperties()).containsEntry("linger.ms", 2).containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
        assertThat(new DispatcherService(HooklineConfig.of(Map.of("bootstrap.servers", "127.0.0.1:1",
                "linger.ms", "10"))).producerProperties()).containsEntry("linger.ms", "10");
    }
}
