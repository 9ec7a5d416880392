package io.hookline.integrationapi.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.integrationapi.api.ApiRequest;
import io.hookline.integrationapi.api.ApiResponse;
import io.hookline.integrationapi.api.IntegrationApi;
import io.hookline.runtime.http.HttpListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link IntegrationApi} on the JDK's HTTP server. Its threads wait for Kafka to acknowledge each dialog, so there are
 * enough of them for many integrations at once; counts answers as {@code hookline.integration.api.requests} by route
 * and status.
 */
public final class ApiHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpServer.class);
    private static final int THREADS = 32;
    /** How long closing waits for requests in flight (their commands may be being acknowledged). */
    private static final long STOP_GRACE_MILLIS = 2_000;

    private final HttpServer server;
    private final ExecutorService executor;
    private final MeterRegistry registry;
    private final AtomicInteger inFlight = new AtomicInteger();

    private ApiHttpServer(HttpServer server, ExecutorService executor, MeterRegistry registry) {
        this.server = server;
        this.executor = executor;
        this.registry = registry;
    }

    /** Serves {@code api} on {@code bound} (see {@link HttpListener#bind}), which it starts and owns from now on. */
    public static ApiHttpServer start(HttpServer bound, IntegrationApi api, MeterRegistry registry) {
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "hookline-integration-api-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ApiHttpServer server = new ApiHttpServer(bound, executor, registry);
        bound.createContext("/", exchange -> server.handle(exchange, api));
        bound.setExecutor(executor);
        bound.start();
        return server;
    }

    private void handle(HttpExchange exchange, IntegrationApi api) throws IOException {
        inFlight.incrementAndGet();
        try (exchange) {
            ApiRequest request = new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), limit -> readAtMost(exchange.getRequestBody(), limit));
            ApiResponse response;
            try {
                response = api.handle(request);
            } catch (IOException e) {
                LOG.debug("request to {} abandoned while its body was read: {}", request.path(), e.toString());
                return;
            } catch (RuntimeException e) {
                LOG.error("request to {} failed", request.path(), e);
                throw e;
            }
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            Counter.builder("hookline.integration.api.requests")
                    .description("answers of the integration API by route and HTTP status")
                    .tag("route", response.route()).tag("status", Integer.toString(response.status()))
                    .register(registry).increment();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException, ApiRequest.TooLarge {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > limit) {
                throw new ApiRequest.TooLarge(limit);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** The port actually bound. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** A URL to reach the API from this machine. */
    public String url() {
        return HttpListener.urlOf(server);
    }

    /**
     * Lets the requests in flight finish (up to a grace period: their commands may be waiting for the broker's
     * acknowledgement), then stops. The JDK 17 server's own grace always waits its whole delay, hence the count.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_GRACE_MILLIS);
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
