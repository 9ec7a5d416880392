package io.hookline.cli.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.runtime.http.ListenPort;
import io.hookline.runtime.service.ServiceHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The endpoint on 127.0.0.1 with health reports set by the test: codes, bodies, metrics, and port rules. */
class OpsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void healthFollowsTheServicesAndMetricsAreServedAsPrometheusText() throws Exception {
        AtomicReference<ServiceHealth> dispatcher = new AtomicReference<>(
                new ServiceHealth(true, true, "RUNNING", Map.of("triggers", "RUNNING", "retries", "RUNNING")));
        Counter.builder("hookline.test.things").register(registry).increment(3);
        try (OpsServer ops = OpsServer.start("127.0.0.1", new ListenPort(true, 0, false),
                () -> HealthReport.of(Map.of("dispatcher", dispatcher.get()), false), registry)) {
            assertThat(ops.url()).startsWith("http://127.0.0.1:");

            HttpResponse<String> up = get(ops, "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(up.body()).contains("\"status\":\"UP\"", "\"dispatcher\":{\"state\":\"RUNNING\"");

            dispatcher.set(new ServiceHealth(true, false, "JOINING", Map.of("triggers", "JOINING")));
            assertThat(get(ops, "/health/ready").statusCode()).isEqualTo(503);
            assertThat(get(ops, "/health/live").statusCode()).isEqualTo(200);

            dispatcher.set(ServiceHealth.down("DOWN", Map.of("triggers", "FAILED")));
            HttpResponse<String> down = get(ops, "/health/live");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"triggers\":\"FAILED\"");

            HttpResponse<String> metrics = get(ops, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            assertThat(metrics.body()).contains("hookline_test_things_total 3.0");

            assertThat(get(ops, "/nothing").statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(ops.url() + "/health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(405);
        }
    }

    @Test
    void aTakenPortIsAnErrorWhenSetExplicitlyAndAvoidedWhenOnlyPreferred() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> OpsServer.start("127.0.0.1", new ListenPort(true, port, true),
                    () -> HealthReport.of(Map.of(), false), registry))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("hookline.ops-port: port " + port + " on 127.0.0.1 is in use; choose another port, 0 "
                            + "for any free port, or off");
            try (OpsServer ops = OpsServer.start("127.0.0.1", new ListenPort(true, port, false),
                    () -> HealthReport.of(Map.of(), false), registry)) {
                assertThat(ops.port()).isNotEqualTo(port).isPositive();
                assertThat(get(ops, "/health").statusCode()).isEqualTo(503);
            }
        }
    }

    private HttpResponse<String> get(OpsServer ops, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(ops.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
