package io.hookline.cli.console;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server: the JDK's {@code com.sun.net.httpserver} bound through {@link HttpListener} like every
 * Hookline endpoint. Every request passes the {@link RequestGuard}; {@code /api/...} goes to the {@link Routes} (JSON
 * in and out, errors as {@code {"error", "field", "errors"}}), everything else to the {@link StaticAssets}. Every
 * response carries the security headers.
 */
final class ConsoleServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServer.class);
    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final int THREADS = 8;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: http: https:; "
            + "style-src 'self' 'unsafe-inline'";

    private final HttpServer server;
    private final ExecutorService executor;
    private final EventStreams streams;

    private ConsoleServer(HttpServer server, ExecutorService executor, EventStreams streams) {
        this.server = server;
        this.executor = executor;
        this.streams = streams;
    }

    /**
     * Binds and serves.
     *
     * @param heartbeat how often every open event stream gets a comment (15 s; shorter in tests)
     * @throws IllegalArgumentException naming the key when the console is off or the address does not resolve
     * @throws IllegalStateException    naming the key when a required port is taken
     */
    static ConsoleServer start(ConsoleSettings.Listen listen, Routes routes, Duration heartbeat) {
        HttpServer server = HttpListener.bind(listen.address(), ConsoleSettings.ADDRESS, listen.port(),
                ConsoleSettings.PORT, "the console");
        RequestGuard guard = new RequestGuard(listen.adminToken(), listen.loopback(), listen.address());
        StaticAssets assets = new StaticAssets(ConsoleServer.class.getClassLoader());
        EventStreams streams = new EventStreams(heartbeat);
        server.createContext("/", exchange -> {
            try {
                serve(exchange, guard, routes, assets, streams);
            } catch (IOException | RuntimeException e) {
                LOG.debug("console request {} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                        e.toString());
                exchange.close();
            }
        });
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "hookline-console-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        ConsoleServer console = new ConsoleServer(server, executor, streams);
        LOG.info("console on {}{}", console.url(), listen.adminToken() == null ? "" : " (admin token required)");
        return console;
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        return HttpListener.urlOf(server);
    }

    int openStreams() {
        return streams.openCount();
    }

    private static void serve(HttpExchange exchange, RequestGuard guard, Routes routes, StaticAssets assets,
                              EventStreams streams) throws IOException {
        Headers in = exchange.getRequestHeaders();
        securityHeaders(exchange.getResponseHeaders());
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Optional<ApiException> refused = guard.check(new RequestGuard.Request(method, path, in.getFirst("Host"),
                in.getFirst("Origin"), in.getFirst("Authorization"), in.getFirst(RequestGuard.CSRF_HEADER),
                in.getFirst("Content-Type")));
        if (refused.isPresent()) {
            if (refused.get().status() == 401) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"hookline-console\"");
            }
            sendError(exchange, refused.get());
            return;
        }
        if (path.equals("/api") || path.startsWith("/api/")) {
            api(exchange, method, path, routes, streams);
        } else {
            staticAsset(exchange, method, path, assets);
        }
    }

    private static void api(HttpExchange exchange, String method, String path, Routes routes, EventStreams streams)
            throws IOException {
        Optional<Routes.Match> match = routes.find(method, path);
        if (match.isEmpty()) {
            List<String> allowed = routes.methodsOn(path);
            if (!allowed.isEmpty()) {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                sendError(exchange, new ApiException(405, method + " is not allowed on " + path + " (allowed: "
                        + String.join(", ", allowed) + ")", null, List.of()));
            } else {
                sendError(exchange, ApiException.notFound("no API route " + method + " " + path));
            }
            return;
        }
        byte[] body;
        try (InputStream requestBody = exchange.getRequestBody()) {
            body = requestBody.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            sendError(exchange, new ApiException(413, "the body is larger than " + MAX_BODY_BYTES + " bytes", null,
                    List.of()));
            return;
        }
        ApiRequest request = new ApiRequest(method, path, match.get().pathParams(),
                query(exchange.getRequestURI().getRawQuery()), body);
        if (match.get().stream() != null) {
            streams.open(exchange, request, match.get().stream());
            return;
        }
        ApiResponse response;
        try {
            response = match.get().route().handle(request);
        } catch (ApiException e) {
            sendError(exchange, e);
            return;
        } catch (Exception e) {
            LOG.warn("console {} {} failed", method, path, e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            sendError(exchange, new ApiException(500, message, null, List.of()));
            return;
        }
        sendJson(exchange, response.status(), response.body());
    }

    private static void staticAsset(HttpExchange exchange, String method, String path, StaticAssets assets)
            throws IOException {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            sendError(exchange, new ApiException(405, "only GET and HEAD outside /api/", null, List.of()));
            return;
        }
        StaticAssets.Asset asset = assets.find(path);
        if (asset == null) {
            byte[] text = ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8);
            send(exchange, 404, "text/plain; charset=utf-8", text);
            return;
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        send(exchange, 200, asset.contentType(), asset.bytes());
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static void securityHeaders(Headers out) {
        out.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        out.set("X-Content-Type-Options", "nosniff");
        out.set("Referrer-Policy", "no-referrer");
        out.set("X-Frame-Options", "DENY");
    }

    /** The JSON error body every failure has: the message, its field (or null) and every field's error. */
    static ObjectNode errorBody(ApiException e) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("error", e.getMessage());
        body.put("field", e.field());
        ArrayNode errors = body.putArray("errors");
        e.errors().forEach(f -> errors.addObject().put("field", f.field()).put("message", f.message()));
        return body;
    }

    private static void sendError(HttpExchange exchange, ApiException e) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        send(exchange, e.status(), "application/json", Json.mapper().writeValueAsBytes(errorBody(e)));
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        send(exchange, status, "application/json", Json.mapper().writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
            throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            // -1: no body; a length of 0 would mean chunked to the JDK server
            exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    @Override
    public void close() {
        streams.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
