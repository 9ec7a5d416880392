package io.hookline.cli.loopback;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.hookline.runtime.http.HttpListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server behind the CLI's small tool servers (echo server, example integration): bound to 127.0.0.1
 * only, a few threads, one handler for every path.
 */
public final class LoopbackServer implements AutoCloseable {

    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: any free port) without serving yet, so that the handler may be built knowing
     * the port.
     */
    public static LoopbackServer bind(int port) throws IOException {
        HttpServer server = HttpListener.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ExecutorService executor = Executors.newFixedThreadPool(THREADS);
        server.setExecutor(executor);
        return new LoopbackServer(server, executor);
    }

    /** Serves every path with {@code handler}. */
    public void start(HttpHandler handler) {
        server.createContext("/", handler);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Where it listens, without a trailing slash: {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
