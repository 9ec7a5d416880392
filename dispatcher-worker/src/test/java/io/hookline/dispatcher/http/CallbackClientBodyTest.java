package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.TestTriggers;
import io.hookline.dispatcher.retry.Verdict;
import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a successful response is read: only its first JSON value, as Mattermost's decoder reads it. */
class CallbackClientBodyTest {

    private static final String VALUE = "{\"text\":\"pong\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    private final CallbackClient client = new CallbackClient(
            CallbackClient.Options.of(Duration.ofSeconds(1), TIMEOUT, 4),
            new CallbackTargets(new AddressPolicy(AllowList.parse("127.0.0.1"), Set.of())), Clock.systemUTC());
    private final MockWebServer server = new MockWebServer();

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private AttemptResult send(int port) throws Exception {
        String url = "http://127.0.0.1:" + port + "/hook";
        return client.send(TestTriggers.trigger(url, "application/json"),
                TestTriggers.hook("hook1", "application/json", List.of(), List.of(url))).get(30, TimeUnit.SECONDS);
    }

    private AttemptResult send(MockResponse response) throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.enqueue(response);
        return send(server.getPort());
    }

    private static String body(AttemptResult r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aValueWhoseBodyEndsAfterTheTimeoutIsReadAndItsConnectionClosed() throws Exception {
        try (HeldOpenServer held = new HeldOpenServer("Content-Length: 100000000", "  {\"te", "xt\":\"pong\"}",
                " {\"tail")) {
            AttemptResult r = send(held.port());
            assertThat(r.failure()).isEqualTo(FailureKind.NONE);
            assertThat(body(r)).isEqualTo(VALUE);
            assertThat(r.latencyMs()).isLessThan(TIMEOUT.toMillis());
            assertThat(Verdict.of(r)).isEqualTo(Verdict.SUCCEEDED);
            // the rest is not drained: the connection is closed as Go's client closes it
            assertThat(held.closedByClient.get(3, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aChunkedValueIsReadWithoutWaitingForTheLastChunk() throws Exception {
        try (HeldOpenServer held = new HeldOpenServer("Transfer-Encoding: chunked",
                "5\r\n{\"tex\r\n", "a\r\nt\":\"pong\"}\r\n", "3\r\n  [\r\n")) {
            AttemptResult r = send(held.port());
            assertThat(body(r)).isEqualTo(VALUE);
            assertThat(r.latencyMs()).isLessThan(TIMEOUT.toMillis());
        }
    }

    @Test
    void aValueThatIsNotCompleteBeforeTheTimeoutIsATimeout() throws Exception {
        try (HeldOpenServer held = new HeldOpenServer("Content-Length: 100000000", "{\"text\":\"never ends")) {
            AttemptResult r = send(held.port());
            assertThat(r.failure()).isEqualTo(FailureKind.TIMEOUT);
            assertThat(Verdict.of(r)).isEqualTo(Verdict.RETRYABLE);
        }
    }

    @Test
    void aBodyThatCannotBeJsonIsGivenUpWithoutWaitingForItsEnd() throws Exception {
        try (HeldOpenServer held = new HeldOpenServer("Content-Length: 100000000", "<html>OK")) {
            AttemptResult r = send(held.port());
            // a succeeded outcome: the ingestor refuses the body as Mattermost's decoder does
            assertThat(r.failure()).isEqualTo(FailureKind.NONE);
            assertThat(body(r)).isEqualTo("<html>OK");
            assertThat(r.latencyMs()).isLessThan(TIMEOUT.toMillis());
        }
    }

    @Test
    void megabytesAfterTheValueAreNeverRead() throws Exception {
        Buffer huge = new Buffer().writeUtf8(VALUE);
        for (int i = 0; i < 64; i++) {
            huge.write(new byte[1 << 20]);
        }
        AttemptResult r = send(new MockResponse.Builder().code(200).body(huge).build());
        assertThat(r.failure()).isEqualTo(FailureKind.NONE);
        assertThat(body(r)).isEqualTo(VALUE);
    }

    @Test
    void aFirstValueNotCompleteWithinOneMebibyteIsTooLarge() throws Exception {
        Buffer huge = new Buffer().writeUtf8("{\"text\":\"");
        for (int i = 0; i < 4; i++) {
            huge.writeUtf8("a".repeat(1 << 20));
        }
        AttemptResult r = send(new MockResponse.Builder().code(200).body(huge).build());
        assertThat(r.failure()).isEqualTo(FailureKind.RESPONSE_TOO_LARGE);
        assertThat(r.error()).isEqualTo("response too large: no complete JSON value in its first 1048576 bytes");
        assertThat(body(r)).hasSize(CallbackClient.EXCERPT_BYTES).startsWith("{\"text\":\"aaa");
        assertThat(Verdict.of(r)).isEqualTo(Verdict.FINAL);
    }

    @Test
    void theLimitCountsDecompressedBytes() throws Exception {
        // 2 MiB of string compress to a few kB: the limit is on what the decoder reads, as in Go
        Buffer gzip = gzip("{\"text\":\"" + "a".repeat(2 << 20) + "\"}");
        AttemptResult tooLarge = send(new MockResponse.Builder().code(200).setHeader("Content-Encoding", "gzip")
                .body(gzip).build());
        assertThat(tooLarge.failure()).isEqualTo(FailureKind.RESPONSE_TOO_LARGE);

        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Encoding", "gzip")
                .body(gzip(VALUE + " ".repeat(8 << 20))).build());
        AttemptResult r = send(server.getPort());
        assertThat(r.failure()).isEqualTo(FailureKind.NONE);
        assertThat(body(r)).isEqualTo(VALUE);
    }

    @Test
    void aSmallBodyReadToItsDeclaredEndKeepsItsConnection() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        server.enqueue(new MockResponse.Builder().code(200).body(VALUE + "\n").build());
        server.enqueue(new MockResponse.Builder().code(200).body(VALUE).build());
        server.enqueue(new MockResponse.Builder().code(200).body("").build());
        assertThat(body(send(server.getPort()))).isEqualTo(VALUE);
        assertThat(body(send(server.getPort()))).isEqualTo(VALUE);
        AttemptResult empty = send(server.getPort());
        assertThat(empty.failure()).isEqualTo(FailureKind.NONE);
        assertThat(empty.body()).isEmpty();
        for (int i = 0; i < 3; i++) {
            assertThat(server.takeRequest(5, TimeUnit.SECONDS).getConnectionIndex()).isZero();
        }
    }

    @Test
    void anErrorStatusKeepsAnExcerptOfItsBodyWhateverItHolds() throws Exception {
        AttemptResult r = send(new MockResponse.Builder().code(500).body(VALUE + " and more").build());
        assertThat(body(r)).isEqualTo(VALUE + " and more");
        assertThat(r.error()).isEqualTo("HTTP 500");
    }

    private static Buffer gzip(String text) throws IOException {
        Buffer out = new Buffer();
        try (GZIPOutputStream gz = new GZIPOutputStream(out.outputStream())) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    /**
     * A callback on 127.0.0.1 that answers 200 with {@code header}, writes {@code parts} 200 ms apart, then keeps
     * the connection open, dribbling a space every 50 ms, until the client closes it.
     */
    private static final class HeldOpenServer implements AutoCloseable {
        final CompletableFuture<Boolean> closedByClient = new CompletableFuture<>();
        private final ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        private final Thread thread;

        HeldOpenServer(String header, String... parts) throws IOException {
            thread = new Thread(() -> serve(header, parts), "held-open-callback");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private void serve(String header, String[] parts) {
            try (Socket s = socket.accept()) {
                readRequest(s.getInputStream());
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + header + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                for (String part : parts) {
                    out.write(part.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(200);
                }
                boolean chunked = header.contains("chunked");
                for (int i = 0; i < 400; i++) {
                    out.write((chunked ? "1\r\n \r\n" : " ").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(50);
                }
                closedByClient.complete(false);
            } catch (IOException e) {
                closedByClient.complete(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Reads the request head and its Content-Length body. */
        private static void readRequest(InputStream in) throws IOException {
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("request cut short");
                }
                head.append((char) c);
            }
            String lower = head.toString().toLowerCase();
            int at = lower.indexOf("content-length:");
            int length = Integer.parseInt(lower.substring(at + 15, lower.indexOf("\r\n", at)).trim());
            in.readNBytes(length);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
