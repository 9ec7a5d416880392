package io.hookline.cli.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open Server-Sent Events streams. A stream is a chunked response left open after its handler returns: whoever
 * has something to say writes to it from their own thread, and one scheduler thread writes a heartbeat comment to
 * every stream at a fixed interval. A write that fails means the browser has gone: the stream closes and runs its
 * close actions (unsubscribing it), so no thread and no subscription outlives a closed tab.
 */
final class EventStreams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreams.class);
    private static final byte[] HEARTBEAT = ": heartbeat\n\n".getBytes(StandardCharsets.UTF_8);

    private final Set<Sink> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeats;

    EventStreams(Duration heartbeat) {
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hookline-console-sse");
            t.setDaemon(true);
            return t;
        });
        long millis = heartbeat.toMillis();
        heartbeats.scheduleAtFixedRate(() -> List.copyOf(open).forEach(Sink::heartbeat), millis, millis,
                TimeUnit.MILLISECONDS);
    }

    /** How many streams are open (for tests and the log). */
    int openCount() {
        return open.size();
    }

    /** Starts the response on {@code exchange} and hands its sink to {@code route}; returns at once. */
    void open(HttpExchange exchange, ApiRequest request, StreamRoute route) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        exchange.sendResponseHeaders(200, 0);
        Sink sink = new Sink(exchange);
        open.add(sink);
        sink.onClose(() -> open.remove(sink));
        // an opening comment flushes the headers to the browser at once, before the first event
        sink.write(": open\n\n".getBytes(StandardCharsets.UTF_8));
        try {
            route.open(request, sink);
        } catch (Exception e) {
            LOG.warn("console stream {} failed to open: {}", request.path(), e.toString());
            sink.close();
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        List.copyOf(open).forEach(Sink::close);
    }

    private static final class Sink implements EventSink {

        private final HttpExchange exchange;
        private final OutputStream body;
        private final List<Runnable> closeActions = new ArrayList<>();
        private boolean closed;

        Sink(HttpExchange exchange) {
            this.exchange = exchange;
            this.body = exchange.getResponseBody();
        }

        @Override
        public boolean send(String event, Object data) {
            if (event.contains("\n") || event.contains("\r")) {
                throw new IllegalArgumentException("an event name is one line: " + event);
            }
            String json;
            try {
                json = Json.mapper().writeValueAsString(data);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot serialise the event " + event + ": " + e.getMessage(), e);
            }
            // the mapper writes one line (newlines inside strings are escaped), as one data: line requires
            return write(("event: " + event + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        }

        void heartbeat() {
            write(HEARTBEAT);
        }

        boolean write(byte[] bytes) {
            synchronized (this) {
                if (closed) {
                    return false;
                }
                try {
                    body.write(bytes);
                    body.flush();
                    return true;
                } catch (IOException e) {
                    // the browser has gone; close outside the lock, the close actions may take their own
                }
            }
            close();
            return false;
        }

        @Override
        public synchronized boolean isOpen() {
            return !closed;
        }

        @Override
        public void onClose(Runnable action) {
            synchronized (this) {
                if (!closed) {
                    closeActions.add(action);
                    return;
                }
            }
            action.run();
        }

        void close() {
            List<Runnable> actions;
            synchronized (this) {
                if (closed) {
                    return;
                }
                closed = true;
                actions = List.copyOf(closeActions);
                closeActions.clear();
            }
            try {
                exchange.close();
            } catch (RuntimeException e) {
                // the connection is gone already
            }
            for (Runnable action : actions) {
                try {
                    action.run();
                } catch (RuntimeException e) {
                    LOG.warn("a console stream's close action failed: {}", e.toString());
                }
            }
        }
    }
}
