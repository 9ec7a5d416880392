package io.hookline.runtime.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.config.HooklineConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class GroupMembershipTest {

    @Test
    void aClassicMemberGetsHooklinesSessionAndHeartbeatUnlessConfigured() {
        Map<String, Object> defaults = new HashMap<>();
        GroupMembership.apply(HooklineConfig.of(Map.of()), defaults);
        assertThat(defaults).containsEntry("session.timeout.ms", 6000).containsEntry("heartbeat.interval.ms", 1000);

        HooklineConfig configured = HooklineConfig.of(Map.of("session.timeout.ms", "10000",
                "group.protocol", "CLASSIC"));
        Properties streams = new Properties();
        streams.putAll(configured.kafkaProperties());
        GroupMembership.apply(configured, streams);
        assertThat(streams).containsEntry("session.timeout.ms", 10000).containsEntry("heartbeat.interval.ms", 1000);
    }

    @Test
    void underABrokerDrivenProtocolNothingIsAddedForTheBrokerDecides() {
        for (String protocol : new String[] {"consumer", "streams"}) {
            Map<String, Object> props = new HashMap<>(Map.of("group.protocol", protocol));
            GroupMembership.apply(HooklineConfig.of(Map.of()), props);
            assertThat(props).containsOnlyKeys("group.protocol");
        }
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> GroupMembership.apply(HooklineConfig.of(Map.of("session.timeout.ms", "6s")),
                new HashMap<>())).hasMessageContaining("session.timeout.ms");
        assertThatThrownBy(() -> GroupMembership.apply(HooklineConfig.of(Map.of("heartbeat.interval.ms", "0")),
                new HashMap<>())).hasMessageContaining("heartbeat.interval.ms must be a positive");
        assertThatThrownBy(() -> GroupMembership.apply(HooklineConfig.of(Map.of("session.timeout.ms", "3000",
                "heartbeat.interval.ms", "3000")), new HashMap<>()))
                .hasMessageContaining("heartbeat.interval.ms (3000, from --set) must be less than session.timeout.ms");
    }
}
