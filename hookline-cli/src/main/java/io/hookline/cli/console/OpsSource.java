package io.hookline.cli.console;

import io.hookline.cli.ops.HealthReport;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One Hookline process whose health and metrics the Pipeline page shows: exactly what its ops endpoint serves
 * ({@code /health} JSON and {@code /metrics} Prometheus text), read in this process when the console runs inside
 * {@code hookline up}, or over HTTP from another process's ops endpoint.
 */
public interface OpsSource {

    /** How the page names the process: "this process" or the ops endpoint's URL. */
    String name();

    /** The {@code /health} JSON. */
    String health() throws IOException, InterruptedException;

    /** The {@code /metrics} text. */
    String metrics() throws IOException, InterruptedException;

    /** The process the console runs in: its services' health and its one meter registry, read directly. */
    static OpsSource local(String name, Supplier<HealthReport> health, PrometheusMeterRegistry registry) {
        return new OpsSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String health() {
                return health.get().json();
            }

            @Override
            public String metrics() {
                return registry.scrape();
            }
        };
    }

    /** Another process, through its ops endpoint at {@code base} ({@code http://host:9464}). */
    static OpsSource remote(URI base) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        return new OpsSource() {
            @Override
            public String name() {
                return root;
            }

            @Override
            public String health() throws IOException, InterruptedException {
                // 503 still carries the JSON report: a process that is not ready is shown, not dropped
                return get(root + "/health");
            }

            @Override
            public String metrics() throws IOException, InterruptedException {
                return get(root + "/metrics");
            }

            private String get(String url) throws IOException, InterruptedException {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 && response.statusCode() != 503) {
                    throw new IOException(url + " answered " + response.statusCode());
                }
                return response.body();
            }
        };
    }
}
