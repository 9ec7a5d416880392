package io.hookline.bench;

import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import io.hookline.schemas.hook.ContentTypes;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Built-in endpoints on 127.0.0.1 answering every request with one fixed JSON body after a fixed delay: webhook
 * callbacks ({@code {"text": "ok"}}) or an integration's answer to a click.
 */
final class Endpoints implements AutoCloseable {

    private static final String TEXT_OK = "{\"text\": \"ok\"}";

    private final byte[] answer;
    private final List<HttpServer> servers = new ArrayList<>();

    /** Webhook callbacks answering {@code {"text": "ok"}}. */
    Endpoints() {
        this(TEXT_OK);
    }

    /** Endpoints answering {@code answerJson}. */
    Endpoints(String answerJson) {
        this.answer = answerJson.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} endpoints, each answering after {@code delayMillis} with {@code threads} handler threads. */
    public Endpoints add(int count, int delayMillis, int threads) throws IOException {
        for (int i = 0; i < count; i++) {
            HttpServer server = HttpListener.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 4096);
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "endpoint");
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(pool);
            server.createContext("/", exchange -> {
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    if (delayMillis > 0) {
                        Thread.sleep(delayMillis);
                    }
                    exchange.getResponseHeaders().set("Content-Type", ContentTypes.JSON);
                    exchange.sendResponseHeaders(200, answer.length);
                    exchange.getResponseBody().write(answer);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the caller gave up (timeout)
                }
            });
            server.start();
            servers.add(server);
        }
        return this;
    }

    /**
     * CPU time of every endpoint's threads in this JVM (handler threads and the JDK server's dispatcher threads), so a
     * measurement can tell the endpoints' share of this JVM's CPU from the client's.
     */
    static long cpuNanos() {
        return CpuMeter.threadNanos("endpoint") + CpuMeter.threadNanos("HTTP-Dispatcher");
    }

    /** Each endpoint's URL with the path {@code /hook}. */
    public List<String> urls() {
        return urls("/hook");
    }

    /** Each endpoint's URL with {@code path} (every path gets the same answer). */
    public List<String> urls(String path) {
        return servers.stream().map(s -> "http://127.0.0.1:" + s.getAddress().getPort() + path).toList();
    }

    @Override
    public void close() {
        for (HttpServer s : servers) {
            s.stop(0);
            ((ExecutorService) s.getExecutor()).shutdownNow();
        }
    }
}
