package io.hookline.faulttests;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Callback endpoints on 127.0.0.1, one path per {@link Behaviour} (a raw socket for {@link Behaviour#RESET}, which
 * the JDK server cannot do). Counts the requests per (behaviour, post id), so duplicates can be reported.
 */
public final class CallbackServer implements AutoCloseable {

    private static final byte[] OK_BODY = "{\"text\": \"ok\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer http;
    private final ServerSocket resetting;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "callback");
        t.setDaemon(true);
        return t;
    });
    private final Map<Behaviour, Map<String, AtomicInteger>> requests = new EnumMap<>(Behaviour.class);
    private volatile boolean closed;

    public CallbackServer() throws IOException {
        for (Behaviour b : Behaviour.values()) {
            requests.put(b, new ConcurrentHashMap<>());
        }
        http = HttpListener.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 256);
        for (Behaviour b : Behaviour.values()) {
            if (b != Behaviour.RESET) {
                http.createContext("/" + path(b), exchange -> handle(b, exchange));
            }
        }
        http.setExecutor(threads);
        http.start();
        resetting = new ServerSocket(0, 256, InetAddress.getByName("127.0.0.1"));
        threads.execute(this::acceptAndReset);
    }

    /** The callback URL of {@code behaviour}. */
    public String url(Behaviour behaviour) {
        int port = behaviour == Behaviour.RESET ? resetting.getLocalPort() : http.getAddress().getPort();
        return "http://127.0.0.1:" + port + "/" + path(behaviour);
    }

    /** Requests {@code behaviour}'s endpoint received for {@code postId}. */
    public int requestsFor(Behaviour behaviour, String postId) {
        AtomicInteger n = requests.get(behaviour).get(postId);
        return n == null ? 0 : n.get();
    }

    public int totalRequests(Behaviour behaviour) {
        return requests.get(behaviour).values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Requests beyond the first per post on an endpoint that always answers at once: redeliveries. */
    public int duplicateDeliveries(Behaviour behaviour) {
        return requests.get(behaviour).values().stream().mapToInt(n -> Math.max(0, n.get() - 1)).sum();
    }

    private void handle(Behaviour behaviour, HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int seen = count(behaviour, body);
            switch (behaviour) {
                case OK -> respond(exchange, 200, OK_BODY);
                case ALWAYS_500 -> respond(exchange, 500, "{\"error\": \"down\"}".getBytes(StandardCharsets.UTF_8));
                case FLAP_ONCE -> {
                    if (seen == 1) {
                        respond(exchange, 500, new byte[0]);
                    } else {
                        respond(exchange, 200, OK_BODY);
                    }
                }
                case HANG -> sleepUntilClosed(60_000);
                case SLOW_BODY -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, OK_BODY.length * 4L);
                    OutputStream out = exchange.getResponseBody();
                    for (int i = 0; i < OK_BODY.length * 4 && !closed; i++) {
                        out.write(' ');
                        out.flush();
                        sleepUntilClosed(200);
                    }
                }
                case HUGE_BODY -> {
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, 10L * 1024 * 1024);
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) 'x');
                    OutputStream out = exchange.getResponseBody();
                    // one JSON string 10 MiB long: its value is not complete within the 1 MiB the dispatcher reads
                    byte[] first = chunk.clone();
                    first[0] = '"';
                    out.write(first);
                    for (int i = 1; i < 160; i++) {
                        out.write(chunk);
                    }
                }
                case INVALID_JSON -> respond(exchange, 200, "{\"text\": \"unterminated".getBytes(
                        StandardCharsets.UTF_8));
                case REDIRECT_INTERNAL -> {
                    exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
                    exchange.sendResponseHeaders(302, -1);
                }
                default -> throw new IllegalStateException("unhandled " + behaviour);
            }
        } catch (IOException e) {
            // the dispatcher gave up on this request (timeout, size limit): expected for the slow behaviours
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    private int count(Behaviour behaviour, byte[] body) {
        String postId;
        try {
            JsonNode json = Json.mapper().readTree(body);
            postId = json.path("post_id").asText("?");
        } catch (IOException e) {
            postId = "(unparseable)";
        }
        return requests.get(behaviour).computeIfAbsent(postId, k -> new AtomicInteger()).incrementAndGet();
    }

    private void acceptAndReset() {
        while (!closed) {
            try {
                Socket socket = resetting.accept();
                threads.execute(() -> readThenReset(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readThenReset(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            int length = 0;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            count(Behaviour.RESET, in.readNBytes(length));
            socket.setSoLinger(true, 0);
        } catch (IOException | RuntimeException e) {
            // a broken request is still reset
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    private void sleepUntilClosed(long millis) {
        long end = System.currentTimeMillis() + millis;
        while (!closed && System.currentTimeMillis() < end) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String path(Behaviour b) {
        return "hook/" + b.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public void close() {
        closed = true;
        http.stop(0);
        try {
            resetting.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
