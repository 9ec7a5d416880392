package io.hookline.cli.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import io.hookline.runtime.http.ListenPort;
import io.hookline.schemas.hook.ContentTypes;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's operations endpoint: {@code GET /health}, {@code /health/live}, {@code /health/ready} (JSON, 200 or
 * 503, see {@link HealthReport}) and {@code /metrics} (Prometheus text format). The JDK's own HTTP server on one
 * thread: scrapes and probes are rare and cheap, and it adds no dependency.
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService executor;

    private OpsServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds and serves.
     *
     * @throws IllegalStateException naming the key when a required port is taken or the address cannot be bound
     */
    public static OpsServer start(String address, ListenPort port, Supplier<HealthReport> health,
                                  PrometheusMeterRegistry metrics) {
        HttpServer server = HttpListener.bind(address, OpsSettings.OPS_ADDRESS, port, OpsSettings.OPS_PORT,
                "the ops endpoint");
        server.createContext("/health", exchange -> {
            String path = exchange.getRequestURI().getPath();
            HealthReport report = health.get();
            switch (path) {
                case "/health", "/health/", "/health/ready" -> respond(exchange, report.readyStatusCode(),
                        ContentTypes.JSON, report.json());
                case "/health/live" -> respond(exchange, report.liveStatusCode(), ContentTypes.JSON, report.json());
                default -> respond(exchange, 404, "text/plain; charset=utf-8", "not found: " + path + "\n");
            }
        });
        server.createContext("/metrics", exchange -> respond(exchange, 200, PROMETHEUS_TEXT, metrics.scrape()));
        server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
                "Hookline ops endpoint: /health, /health/live, /health/ready, /metrics\n"));
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hookline-ops-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        OpsServer ops = new OpsServer(server, executor);
        LOG.info("serving /health and /metrics on {}", ops.url());
        return ops;
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** A URL to reach the endpoint from this machine (loopback when it listens on every address). */
    public String url() {
        return HttpListener.urlOf(server);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                status = 405;
                contentType = "text/plain; charset=utf-8";
                body = "only GET\n";
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
