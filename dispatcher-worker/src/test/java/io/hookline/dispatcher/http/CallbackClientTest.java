package io.hookline.dispatcher.http;

import io.hookline.dispatcher.retry.Verdict;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.dispatcher.TestTriggers;
import io.hookline.kafkatest.SelfSignedTls;
import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import io.hookline.dispatcher.ssrf.ForbiddenAddressException;
import io.hookline.dispatcher.ssrf.VettingDns;
import io.hookline.schemas.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
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
import org.junit.jupiter.api.io.TempDir;

class CallbackClientTest {

    private static final String SECRET_A = "whsec_" + Base64.getEncoder().encodeToString(
            "0123456789abcdef01234567".getBytes(StandardCharsets.US_ASCII));
    private static final String SECRET_B = "whsec_" + Base64.getEncoder().encodeToString(
            "another-secret-of-32-bytes-long!".getBytes(StandardCharsets.US_ASCII));

    private MockWebServer server;
    private CallbackClient client;
    private WatchingSocketFactory sockets;

    @BeforeEach
    void startServer() throws Exception {
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

    private CallbackClient client(String allowList, VettingDns.Resolver resolver, List<InetAddress> forbidden,
                                  Duration timeout) {
        return client(allowList, resolver, forbidden, timeout, CallbackClient.MATTERMOST_USER_AGENT, false);
    }

    private CallbackClient client(String allowList, VettingDns.Resolver resolver, List<InetAddress> forbidden,
                                  Duration timeout, String userAgent, boolean insecureTls) {
        sockets = new WatchingSocketFactory(forbidden);
        client = new CallbackClient(CallbackClient.Options.of(Duration.ofSeconds(1), timeout, 16)
                .with(resolver, sockets).with(userAgent, insecureTls),
                new CallbackTargets(new AddressPolicy(AllowList.parse(allowList), Set.of())), Clock.systemUTC());
        return client;
    }

    private CallbackClient loopbackAllowed() {
        return client("127.0.0.1", host -> List.of(InetAddress.getByName("127.0.0.1")), List.of(),
                Duration.ofSeconds(5));
    }

    private String url() {
        return "http://127.0.0.1:" + server.getPort() + "/hook?x=1";
    }

    /** One attempt to {@code url} of a hook with that content type and those secrets. */
    private AttemptResult send(String url, String contentType, List<String> secrets) throws Exception {
        return client.send(TestTriggers.trigger(url, contentType),
                TestTriggers.hook("hook1", contentType, secrets, List.of(url))).get(20, TimeUnit.SECONDS);
    }

    @Test
    void jsonRequestIsMattermostsWithSignatureAnIndependentVerifierAccepts() throws Exception {
        loopbackAllowed();
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"text\":\"pong\"}").build());
        long before = System.currentTimeMillis() / 1000;
        AttemptResult r = send(url(), "application/json", List.of(SECRET_A, SECRET_B));
        assertThat(r.failure()).isEqualTo(FailureKind.NONE);
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"pong\"}");
        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(Verdict.of(r)).isEqualTo(Verdict.SUCCEEDED);

        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getUrl().encodedPath()).isEqualTo("/hook");
        assertThat(req.getUrl().queryParameter("x")).isEqualTo("1");
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(req.getHeaders().get("Accept")).isEqualTo("application/json");
        assertThat(req.getHeaders().get("User-Agent")).isEqualTo("Mattermost-Bot/1.1");
        assertThat(req.getHeaders().get("Authorization")).isNull();
        byte[] body = req.getBody().toByteArray();
        JsonNode json = Json.mapper().readTree(body);
        assertThat(json.get("token").asText()).isEqualTo(TestTriggers.TOKEN);
        assertThat(json.get("team_id").asText()).isEqualTo("teamid");
        assertThat(json.get("team_domain").asText()).isEqualTo("engineering");
        assertThat(json.get("channel_id").asText()).isEqualTo("channelid");
        assertThat(json.get("channel_name").asText()).isEqualTo("town-square");
        assertThat(json.get("timestamp").asLong()).isEqualTo(1764150000123L);
        assertThat(json.get("user_id").asText()).isEqualTo("userid");
        assertThat(json.get("user_name").asText()).isEqualTo("alice");
        assertThat(json.get("post_id").asText()).isEqualTo("postid");
        assertThat(json.get("text").asText()).isEqualTo("bug login fails & more");
        assertThat(json.get("trigger_word").asText()).isEqualTo("bug");
        assertThat(json.get("file_ids").asText()).isEqualTo("f1,f2");
        assertThat(json.size()).isEqualTo(12);

        assertThat(req.getHeaders().get("webhook-id")).isEqualTo(TestTriggers.id("delivery1"));
        long ts = Long.parseLong(req.getHeaders().get("webhook-timestamp"));
        assertThat(ts).isBetween(before, System.currentTimeMillis() / 1000);
        String[] sigs = req.getHeaders().get("webhook-signature").split(" ");
        assertThat(sigs).hasSize(2);
        assertThat(TestTriggers.signedWith(SECRET_A, TestTriggers.id("delivery1"), ts, body, sigs[0])).isTrue();
        assertThat(TestTriggers.signedWith(SECRET_B, TestTriggers.id("delivery1"), ts, body, sigs[1])).isTrue();
        assertThat(TestTriggers.signedWith(SECRET_A, TestTriggers.id("delivery1"), ts + 1, body, sigs[0])).isFalse();
    }

    @Test
    void formRequestHasSecondsAndNoSignatureWithoutSecrets() throws Exception {
        loopbackAllowed();
        server.enqueue(new MockResponse.Builder().code(204).build());
        AttemptResult r = send(url(), "", List.of());
        assertThat(r.httpStatus()).isEqualTo(204);
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        String form = req.getBody().utf8();
        assertThat(form).contains("timestamp=1764150000&").contains("file_ids=f1%2Cf2")
                .contains("token=" + TestTriggers.TOKEN);
        assertThat(req.getHeaders().get("webhook-signature")).isNull();
        assertThat(req.getHeaders().get("webhook-id")).isNull();
    }

    @Test
    void redirectsAreNotFollowedAndStatusesClassify() throws Exception {
        loopbackAllowed();
        server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", url() + "&elsewhere").build());
        AttemptResult redirect = send(url(), "application/json", List.of());
        assertThat(redirect.httpStatus()).isEqualTo(302);
        assertThat(Verdict.of(redirect)).isEqualTo(Verdict.FINAL);
        assertThat(server.getRequestCount()).isEqualTo(1);

        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "7").body("busy").build());
        AttemptResult busy = send(url(), "application/json", List.of());
        assertThat(Verdict.of(busy)).isEqualTo(Verdict.RETRYABLE);
        assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(new String(busy.body(), StandardCharsets.UTF_8)).isEqualTo("busy");

        server.enqueue(new MockResponse.Builder().code(410).build());
        assertThat(Verdict.of(send(url(), "application/json", List.of())))
                .isEqualTo(Verdict.FINAL);
        server.enqueue(new MockResponse.Builder().code(429).build());
        assertThat(Verdict.of(send(url(), "application/json", List.of())))
                .isEqualTo(Verdict.RETRYABLE);
    }

    @Test
    void aFirstValueUpToOneMebibyteIsReadAndALongerOneIsAFailureWithoutReadingIt() throws Exception {
        loopbackAllowed();
        byte[] exact = new byte[CallbackClient.MAX_RESPONSE_BYTES];
        java.util.Arrays.fill(exact, (byte) 'a');
        exact[0] = '"';
        exact[exact.length - 1] = '"';
        server.enqueue(new MockResponse.Builder().code(200).body(new Buffer().write(exact)).build());
        AttemptResult ok = send(url(), "application/json", List.of());
        assertThat(ok.failure()).isEqualTo(FailureKind.NONE);
        assertThat(ok.body()).hasSize(CallbackClient.MAX_RESPONSE_BYTES);

        // 64 MiB of one unfinished string: far more than the limit; the client must stop reading at 1 MiB
        Buffer huge = new Buffer().writeUtf8("\"");
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) 'a');
        for (int i = 0; i < 64; i++) {
            huge.write(chunk);
        }
        server.enqueue(new MockResponse.Builder().code(200).body(huge).build());
        AttemptResult tooLarge = send(url(), "application/json", List.of());
        assertThat(tooLarge.failure()).isEqualTo(FailureKind.RESPONSE_TOO_LARGE);
        assertThat(tooLarge.error()).contains("response too large");
        assertThat(tooLarge.body().length).isLessThanOrEqualTo(CallbackClient.EXCERPT_BYTES);
        assertThat(Verdict.of(tooLarge)).isEqualTo(Verdict.FINAL);
    }

    @Test
    void wholeRequestTimeoutIsRetryable() throws Exception {
        client("127.0.0.1", host -> List.of(InetAddress.getByName("127.0.0.1")), List.of(), Duration.ofSeconds(1));
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(10, TimeUnit.SECONDS).build());
        AttemptResult r = send(url(), "application/json", List.of());
        assertThat(r.failure()).isEqualTo(FailureKind.TIMEOUT);
        // the 1 s timeout fired, well before the answer due at 10 s (a loaded machine may be seconds late)
        assertThat(r.latencyMs()).isBetween(900L, 9_000L);
        assertThat(Verdict.of(r)).isEqualTo(Verdict.RETRYABLE);
    }

    @Test
    void refusedConnectionIsRetryable() throws Exception {
        loopbackAllowed();
        int closedPort = closedPort();
        AttemptResult r = send("http://127.0.0.1:" + closedPort + "/", "application/json",
                List.of());
        assertThat(r.failure()).isEqualTo(FailureKind.CONNECT);
        assertThat(Verdict.of(r)).isEqualTo(Verdict.RETRYABLE);
    }

    @Test
    void loopbackLiteralsInAnyFormAreRefusedWithoutAllowList() throws Exception {
        client("", host -> List.of(InetAddress.getByName("127.0.0.1")),
                List.of(InetAddress.getByName("127.0.0.1")), Duration.ofSeconds(5));
        int port = server.getPort();
        for (String u : new String[] {"http://127.0.0.1:" + port + "/", "http://[::ffff:127.0.0.1]:" + port + "/",
                "http://2130706433:" + port + "/", "http://[::1]:" + port + "/", "http://0.0.0.0:" + port + "/",
                "http://callback.test:" + port + "/"}) {
            // twice: the client remembers accepted URLs, a refused one must be refused again
            for (int time = 1; time <= 2; time++) {
                AttemptResult r = send(u, "application/json", List.of());
                assertThat(r.failure()).as(u + " #" + time).isEqualTo(FailureKind.FORBIDDEN_ADDRESS);
                assertThat(r.error()).isEqualTo(ForbiddenAddressException.MESSAGE);
                assertThat(Verdict.of(r)).isEqualTo(Verdict.FINAL);
            }
        }
        assertThat(sockets.connects).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void onlyVettedAddressesOfAMixedAnswerAreContacted() throws Exception {
        InetAddress metadata = InetAddress.getByName("169.254.169.254");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // the rebinding answer lists an internal address first; only the allowed loopback may be dialled
        client("127.0.0.0/8", host -> List.of(metadata, InetAddress.getByName("10.0.0.7"), loopback),
                List.of(metadata), Duration.ofSeconds(5));
        server.enqueue(new MockResponse.Builder().code(200).build());
        AttemptResult r = send("http://callback.test:" + server.getPort() + "/",
                "application/json", List.of());
        assertThat(r.httpStatus()).isEqualTo(200);
        assertThat(sockets.connects).containsOnly(loopback);
        assertThat(sockets.violations).isEmpty();
    }

    @Test
    void aTrustedHostNameIsConnectedAsResolved() throws Exception {
        client("callback.test", host -> List.of(InetAddress.getByName("127.0.0.1")), List.of(),
                Duration.ofSeconds(5));
        server.enqueue(new MockResponse.Builder().code(200).build());
        AttemptResult r = send("http://callback.test:" + server.getPort() + "/",
                "application/json", List.of());
        assertThat(r.httpStatus()).isEqualTo(200);
        // but the literal address itself is not trusted by the host name entry
        AttemptResult literal = send(url(), "application/json", List.of());
        assertThat(literal.failure()).isEqualTo(FailureKind.FORBIDDEN_ADDRESS);
    }

    @Test
    void unbuildableRequestsAreFinalAndNeverLeakTheSecret() throws Exception {
        loopbackAllowed();
        AttemptResult badUrl = send("ftp://x/", "application/json", List.of());
        assertThat(badUrl.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
        AttemptResult badSecret = send(url(), "application/json",
                List.of("whsec_!!!secretvalue"));
        assertThat(badSecret.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(badSecret.error()).doesNotContain("secretvalue");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theUserAgentIsConfigurable() throws Exception {
        client("127.0.0.1", host -> List.of(InetAddress.getByName("127.0.0.1")), List.of(), Duration.ofSeconds(5),
                "Acme-Relay/2", false);
        server.enqueue(new MockResponse.Builder().code(200).build());
        send(url(), "application/json", List.of());
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("User-Agent")).isEqualTo("Acme-Relay/2");
    }

    @Test
    void urlCredentialsGoOnlyIntoBasicAuthorizationAsGoSendsThem() throws Exception {
        loopbackAllowed();
        server.enqueue(new MockResponse.Builder().code(200).build());
        String withCredentials = "http://us%40er:p%40ss+w@127.0.0.1:" + server.getPort() + "/hook?x=1";
        AttemptResult r = send(withCredentials, "application/json", List.of());
        assertThat(r.httpStatus()).isEqualTo(200);
        RecordedRequest req = server.takeRequest(5, TimeUnit.SECONDS);
        // Go: base64("us@er:p@ss+w"), the escapes decoded and + kept
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString("us@er:p@ss+w".getBytes(StandardCharsets.UTF_8)));
        assertThat(req.getTarget()).isEqualTo("/hook?x=1");
        assertThat(req.getHeaders().get("Host")).isEqualTo("127.0.0.1:" + server.getPort());
        assertThat(req.getHeaders().toString()).doesNotContain("p%40ss").doesNotContain("p@ss");
        assertThat(req.getBody().utf8()).doesNotContain("p%40ss").doesNotContain("p@ss");
    }

    @Test
    void aFailedAttemptWithCredentialsNeverNamesThePassword() throws Exception {
        loopbackAllowed();
        int closedPort = closedPort();
        AttemptResult refused = send("http://user:hunter2@127.0.0.1:" + closedPort + "/",
                "application/json", List.of());
        assertThat(refused.failure()).isEqualTo(FailureKind.CONNECT);
        assertThat(refused.error()).isNotNull().doesNotContain("hunter2");
        AttemptResult badEscape = send("http://user:hunter2%zz@127.0.0.1:" + server.getPort()
                + "/", "application/json", List.of());
        assertThat(badEscape.failure()).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(badEscape.error()).doesNotContain("hunter2");
    }

    @Test
    void selfSignedHttpsFailsUnlessInsecureConnectionsAreEnabledWhichWarnsOnce(@TempDir Path dir) throws Exception {
        server.close();
        server = new MockWebServer();
        server.useHttps(SelfSignedTls.serverContext(dir).getSocketFactory());
        server.start(InetAddress.getByName("127.0.0.1"), 0);
        String https = "https://127.0.0.1:" + server.getPort() + "/hook";

        loopbackAllowed();
        AttemptResult verified = send(https, "application/json", List.of());
        assertThat(verified.httpStatus()).isNull();
        assertThat(verified.error()).contains("SSLHandshakeException");
        assertThat(Verdict.of(verified)).isNotEqualTo(Verdict.SUCCEEDED);
        client.close();

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            client("127.0.0.1", host -> List.of(InetAddress.getByName("127.0.0.1")), List.of(),
                    Duration.ofSeconds(5), CallbackClient.MATTERMOST_USER_AGENT, true);
        } finally {
            System.setErr(stderr);
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).containsOnlyOnce("WARN")
                .contains("TLS certificates and host names of callback URLs are not verified");
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        // the certificate names callback.invalid, not 127.0.0.1: host names are not checked either
        AttemptResult insecure = send(https, "application/json", List.of());
        assertThat(insecure.httpStatus()).isEqualTo(200);
        assertThat(server.takeRequest(5, TimeUnit.SECONDS).getHandshake()).isNotNull();
    }

    /** A loopback port nothing listens on any more. */
    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
