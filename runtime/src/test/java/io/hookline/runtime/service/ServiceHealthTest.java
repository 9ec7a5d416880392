package io.hookline.runtime.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceHealthTest {

    @Test
    void streamsClientsAllRunningAreLiveAndReady() {
        ServiceHealth h = ServiceHealth.ofStreams(states("matcher", "RUNNING", "config-audit", "RUNNING"));
        assertThat(h.live()).isTrue();
        assertThat(h.ready()).isTrue();
        assertThat(h.state()).isEqualTo("RUNNING");
        assertThat(h.clients()).containsEntry("matcher", "RUNNING").containsEntry("config-audit", "RUNNING");
    }

    @Test
    void aRebalancingClientKeepsTheServiceLiveButNotReady() {
        ServiceHealth h = ServiceHealth.ofStreams(states("matcher", "RUNNING", "config-audit", "REBALANCING"));
        assertThat(h.live()).isTrue();
        assertThat(h.ready()).isFalse();
        assertThat(h.state()).isEqualTo("REBALANCING");
    }

    @Test
    void aFailedOrStoppingClientMakesTheServiceDown() {
        for (String bad : new String[] {"ERROR", "PENDING_ERROR", "NOT_RUNNING", "PENDING_SHUTDOWN"}) {
            ServiceHealth h = ServiceHealth.ofStreams(states("matcher", "RUNNING", "config-audit", bad));
            assertThat(h.live()).as(bad).isFalse();
            assertThat(h.ready()).as(bad).isFalse();
            assertThat(h.state()).as(bad).isEqualTo(bad);
        }
    }

    @Test
    void noClientsMeansNotStarted() {
        ServiceHealth h = ServiceHealth.ofStreams(Map.of());
        assertThat(h.live()).isFalse();
        assertThat(h.state()).isEqualTo("NOT_STARTED");
    }

    @Test
    void readyWithoutLiveIsRefused() {
        assertThatThrownBy(() -> new ServiceHealth(false, true, "RUNNING", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ready without being live");
    }

    @Test
    void theDefaultHealthFollowsIsRunning() {
        assertThat(service(true).health()).extracting(ServiceHealth::live, ServiceHealth::ready)
                .containsExactly(true, true);
        assertThat(service(false).health()).extracting(ServiceHealth::live, ServiceHealth::ready, ServiceHealth::state)
                .containsExactly(false, false, "DOWN");
    }

    private static Map<String, String> states(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static HooklineService service(boolean running) {
        return new HooklineService() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public void start() {
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public void close() {
            }
        };
    }
}
