package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.kafkatest.Await;
import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import io.hookline.schemas.serde.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code up} and a single stage serve /health and /metrics on the port the ready line names: every service RUNNING
 * and ready, Prometheus text with Hookline's and Kafka's meters.
 */
@ExtendWith(KafkaBrokerExtension.class)
class OpsEndpointOnBrokerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void upServesHealthOfTheThreeServicesAndTheirMetrics(KafkaBroker broker) throws Exception {
        try (RunningCommand up = RunningCommand.start(new IsolatedConfig(broker).args("up"))) {
            String url = up.opsUrl();
            JsonNode health = awaitReady(url);
            assertThat(health.get("status").asText()).isEqualTo("UP");
            for (String service : new String[] {"matcher", "dispatcher", "ingestor"}) {
                assertThat(health.at("/services/" + service + "/state").asText()).as(service).isEqualTo("RUNNING");
                assertThat(health.at("/services/" + service + "/ready").asBoolean()).as(service).isTrue();
            }
            assertThat(health.at("/services/matcher/clients/config-audit").asText()).isEqualTo("RUNNING");
            assertThat(health.at("/services/dispatcher/clients/retries").asText()).isEqualTo("RUNNING");
            assertThat(get(url + "/health/live").statusCode()).isEqualTo(200);

            String metrics = get(url + "/metrics").body();
            assertThat(metrics).contains("hookline_service_ready{service=\"matcher\"} 1.0",
                    "hookline_service_ready{service=\"dispatcher\"} 1.0",
                    "hookline_service_ready{service=\"ingestor\"} 1.0",
                    "hookline_matcher_triggers_total", "hookline_ingestor_post_commands_total",
                    "hookline_dead_letters_total{service=\"matcher\"}", "hookline_dispatcher_in_flight",
                    "jvm_memory_used_bytes");
            assertThat(metrics).containsPattern("(?m)^kafka_stream_\\w+\\{")
                    .containsPattern("(?m)^kafka_consumer_\\w+\\{").containsPattern("(?m)^kafka_producer_\\w+\\{");
            up.stop();
        }
    }

    @Test
    void aSingleStageServesItsOwnHealth(KafkaBroker broker) throws Exception {
        try (RunningCommand ingestor = RunningCommand.start(new IsolatedConfig(broker).args("ingestor"))) {
            JsonNode health = awaitReady(ingestor.opsUrl());
            assertThat(fieldNames(health.get("services"))).containsExactly("ingestor");
            assertThat(health.at("/services/ingestor/clients/ingestor").asText()).isEqualTo("RUNNING");
            assertThat(get(ingestor.opsUrl() + "/metrics").body())
                    .contains("hookline_service_live{service=\"ingestor\"} 1.0")
                    .doesNotContain("service=\"matcher\"");
            ingestor.stop();
        }
    }

    /** Ready is reported by the ready line already; a rebalance right after may still be settling. */
    private JsonNode awaitReady(String url) throws Exception {
        Health health = Await.value(() -> health(url), h -> h.status() != 503, Duration.ofSeconds(60),
                "/health to stop answering 503 (not ready)");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        return Json.mapper().readTree(health.body());
    }

    private record Health(int status, String body) {
    }

    private Health health(String url) {
        try {
            HttpResponse<String> r = get(url + "/health");
            return new Health(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + url + "/health failed", e);
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static java.util.List<String> fieldNames(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
