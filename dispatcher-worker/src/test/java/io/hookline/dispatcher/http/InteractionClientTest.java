package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import io.hookline.dispatcher.ssrf.ForbiddenAddressException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport of interaction calls (§2.4) against a real server on 127.0.0.1. */
class InteractionClientTest {

    private static final byte[] BODY = "{\"user_id\":\"u\"}".getBytes(StandardCharsets.UTF_8);
    private static final InetAddress METADATA = address("169.254.169.254");

    private MockWebServer server;
    private InteractionClient client;
    private WatchingSocketFactory sockets;

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private InteractionClient client(String allowList, Duration timeout) {
        sockets = new WatchingSocketFactory(List.of(METADATA));
        // a configured webhook User-Agent must not reach integrations
        client = new InteractionClient(CallbackClient.Options.of(Duration.ofSeconds(1), timeout, 4)
                .with(host -> host.equals("internal.test") ? List.of(METADATA) : List.of(InetAddress.getByName(host)),
                        sockets).with("Acme/2", false),
                new CallbackTargets(new AddressPolicy(AllowList.parse(allowList), Set.of())), Clock.systemUTC());
        return client;
    }

    private String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getPort() + pathAndQuery;
    }

    private static AttemptResult get(java.util.concurrent.CompletableFuture<AttemptResult> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    @Test
    void postsTheBodyWithMattermostsHeadersAndReadsA200Whole() throws Exception {
        // not one JSON value: Mattermost reads the whole body and leaves judging it to the decoder
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"update\":{}} {\"more\":1}").build());
        AttemptResult r = get(client("127.0.0.1", Duration.ofSeconds(5)).post(url("/act?x=1"), BODY));

        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.failure()).isEqualTo(FailureKind.NONE);
        assertThat(r.error()).isNull();
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"update\":{}} {\"more\":1}");
        assertThat(r.contentType()).isEqualTo("application/json");
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/act");
        assertThat(req.getUrl().encodedQuery()).isEqualTo("x=1");
        assertThat(req.getBody().toByteArray()).isEqualTo(BODY);
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(req.getHeaders().get("User-Agent")).isEqualTo("Mattermost-Bot/1.1");
        assertThat(req.getHeaders().names()).doesNotContain("webhook-signature", "webhook-id", "Authorization");
    }

    @Test
    void urlCredentialsTravelAsBasicAuthorization() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        AttemptResult r = get(client("127.0.0.1", Duration.ofSeconds(5))
                .post("http://bot:s%40cret@127.0.0.1:" + server.getPort() + "/act", BODY));
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization"))
                .isEqualTo("Basic " + java.util.Base64.getEncoder().encodeToString(
                        "bot:s@cret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aBodyOfExactly1MiBIsReadAndOneByteMoreIsTooLarge() throws Exception {
        byte[] exact = new byte[CallbackClient.MAX_RESPONSE_BYTES];
        Arrays.fill(exact, (byte) ' ');
        exact[0] = '{';
        exact[exact.length - 1] = '}';
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(exact)).build());
        byte[] over = Arrays.copyOf(exact, exact.length + 1);
        over[over.length - 1] = ' ';
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(over)).build());
        InteractionClient c = client("127.0.0.1", Duration.ofSeconds(10));

        AttemptResult fits = get(c.post(url("/a"), BODY));
        assertThat(fits.failure()).isEqualTo(FailureKind.NONE);
        assertThat(fits.body()).isEqualTo(exact);

        AttemptResult tooLarge = get(c.post(url("/b"), BODY));
        assertThat(tooLarge.httpStatus()).isEqualTo(200);
        assertThat(tooLarge.failure()).isEqualTo(FailureKind.RESPONSE_TOO_LARGE);
        assertThat(tooLarge.error()).isEqualTo("response too large: the body is larger than 1 MiB");
        assertThat(tooLarge.body()).hasSize(CallbackClient.MAX_RESPONSE_BYTES);
    }

    @Test
    void anyStatusButExactly200KeepsOnlyAnExcerpt() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).body("{\"ephemeral_text\":\"made\"}").build());
        server.enqueue(new MockResponse.Builder().code(500).body("x".repeat(5000)).build());
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", url("/elsewhere")).build());
        InteractionClient c = client("127.0.0.1", Duration.ofSeconds(5));

        AttemptResult created = get(c.post(url("/a"), BODY));
        assertThat(created.httpStatus()).isEqualTo(201);
        assertThat(created.error()).isEqualTo("HTTP 201");
        assertThat(created.bodyExcerpt()).isEqualTo("{\"ephemeral_text\":\"made\"}");
        AttemptResult failed = get(c.post(url("/b"), BODY));
        assertThat(failed.failureText()).isEqualTo("HTTP 500");
        assertThat(failed.body()).hasSize(CallbackClient.EXCERPT_BYTES);
        AttemptResult redirect = get(c.post(url("/c"), BODY));
        assertThat(redirect.failureText()).isEqualTo("HTTP 302 (redirects are not followed)");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void forbiddenAddressesAreNeverConnectedTo() throws Exception {
        InteractionClient c = client("", Duration.ofSeconds(5));
        AttemptResult loopback = get(c.post(url("/a"), BODY));
        assertThat(loopback.failure()).isEqualTo(FailureKind.FORBIDDEN_ADDRESS);
        assertThat(loopback.error()).isEqualTo(ForbiddenAddressException.MESSAGE);
        AttemptResult resolved = get(c.post("http://internal.test:" + server.getPort() + "/a", BODY));
        assertThat(resolved.failure()).isEqualTo(FailureKind.FORBIDDEN_ADDRESS);
        assertThat(resolved.httpStatus()).isNull();
        AttemptResult notHttp = get(c.post("/plugins/poll/vote", BODY));
        assertThat(notHttp.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(sockets.connects).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theWholeCallIsBoundedByTheTimeout() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").headersDelay(3, TimeUnit.SECONDS).build());
        long t0 = System.nanoTime();
        AttemptResult r = get(client("127.0.0.1", Duration.ofMillis(700)).post(url("/slow"), BODY));
        assertThat(r.failure()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(r.httpStatus()).isNull();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(2500);
    }
}
