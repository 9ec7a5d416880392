package io.hookline.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import io.hookline.runtime.service.ServiceHealth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    private static final ServiceHealth RUNNING = new ServiceHealth(true, true, "RUNNING", Map.of("matcher", "RUNNING"));
    private static final ServiceHealth REBALANCING = new ServiceHealth(true, false, "REBALANCING",
            Map.of("ingestor", "REBALANCING"));
    private static final ServiceHealth DOWN = ServiceHealth.down("ERROR", Map.of("ingestor", "ERROR"));
    private static final ServiceHealth NOT_STARTED = ServiceHealth.down("NOT_STARTED", Map.of());

    @Test
    void allReadyIsUpWith200Everywhere() throws Exception {
        HealthReport r = HealthReport.of(services(RUNNING, RUNNING), false);
        assertThat(r.status()).isEqualTo("UP");
        assertThat(r.readyStatusCode()).isEqualTo(200);
        assertThat(r.liveStatusCode()).isEqualTo(200);
        JsonNode json = Json.mapper().readTree(r.json());
        assertThat(json.get("status").asText()).isEqualTo("UP");
        assertThat(json.at("/services/matcher/state").asText()).isEqualTo("RUNNING");
        assertThat(json.at("/services/matcher/clients/matcher").asText()).isEqualTo("RUNNING");
        assertThat(json.at("/services/ingestor/ready").asBoolean()).isTrue();
    }

    @Test
    void aRebalancingServiceIsLiveButNotReady() {
        HealthReport r = HealthReport.of(services(RUNNING, REBALANCING), false);
        assertThat(r.status()).isEqualTo("NOT_READY");
        assertThat(r.readyStatusCode()).isEqualTo(503);
        assertThat(r.liveStatusCode()).isEqualTo(200);
    }

    @Test
    void aDeadServiceIsDownWith503Everywhere() throws Exception {
        HealthReport r = HealthReport.of(services(RUNNING, DOWN), false);
        assertThat(r.status()).isEqualTo("DOWN");
        assertThat(r.readyStatusCode()).isEqualTo(503);
        assertThat(r.liveStatusCode()).isEqualTo(503);
        assertThat(Json.mapper().readTree(r.json()).at("/services/ingestor/state").asText()).isEqualTo("ERROR");
    }

    @Test
    void notStartedYetIsStartingWhileTheProcessStartsAndDownAfterwards() {
        HealthReport starting = HealthReport.of(services(RUNNING, NOT_STARTED), true);
        assertThat(starting.services().get("ingestor").state()).isEqualTo("STARTING");
        assertThat(starting.liveStatusCode()).isEqualTo(200);
        assertThat(starting.readyStatusCode()).isEqualTo(503);
        assertThat(HealthReport.of(services(RUNNING, NOT_STARTED), false).liveStatusCode()).isEqualTo(503);
        assertThat(HealthReport.of(Map.of(), false).status()).isEqualTo("DOWN");
    }

    private static Map<String, ServiceHealth> services(ServiceHealth matcher, ServiceHealth ingestor) {
        Map<String, ServiceHealth> m = new LinkedHashMap<>();
        m.put("matcher", matcher);
        m.put("ingestor", ingestor);
        return m;
    }
}
