package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.TestTriggers;
import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Callback URLs Mattermost accepts are delivered, with the request line Go's client writes (recorded from Go 1.19).
 * Every host name resolves, by an injected answer, to the loopback server; nothing else is ever reached.
 */
class CallbackUrlsOnTheWireTest {

    private final List<String> resolved = new CopyOnWriteArrayList<>();
    private final MockWebServer server = new MockWebServer();
    private final CallbackClient client = new CallbackClient(
            CallbackClient.Options.of(Duration.ofSeconds(1), Duration.ofSeconds(5), 4).with(host -> {
                resolved.add(host);
                return List.of(InetAddress.getByName("127.0.0.1"));
            }, new WatchingSocketFactory(List.of())),
            new CallbackTargets(new AddressPolicy(AllowList.parse("127.0.0.0/8"), Set.of())), Clock.systemUTC());

    @BeforeEach
    void listenOnLoopback() throws Exception {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private RecordedRequest deliver(String url) throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        AttemptResult r = client.send(TestTriggers.trigger(url, "application/json", List.of())).get(20, TimeUnit.SECONDS);
        assertThat(r.failure()).as(url).isEqualTo(FailureKind.NONE);
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    @Test
    void aComposeServiceNameWithAnUnderscoreIsResolvedAndSentAsWritten() throws Exception {
        RecordedRequest req = deliver("http://my_service:" + server.getPort() + "/hook");
        assertThat(resolved).containsExactly("my_service");
        assertThat(req.getHeaders().get("Host")).isEqualTo("my_service:" + server.getPort());
        assertThat(req.getRequestLine()).isEqualTo("POST /hook HTTP/1.1");
    }

    @Test
    void anInternationalisedHostIsResolvedAndSentAsPunycode() throws Exception {
        RecordedRequest req = deliver("http://b\u00fccher.example:" + server.getPort() + "/hook");
        assertThat(resolved).containsExactly("xn--bcher-kva.example");
        assertThat(req.getHeaders().get("Host")).isEqualTo("xn--bcher-kva.example:" + server.getPort());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '\t', value = {
        "/a|b?x=1|2\t/a%7Cb?x=1|2",
        "/{id}?q={v}\t/%7Bid%7D?q={v}",
        "/a\\b?x=\\y\t/a%5Cb?x=\\y",
        "/a b\t/a%20b",
        "/%7Ca?x=%7C\t/%7Ca?x=%7C",
        "/a|b%2fc%7c\t/a%7Cb/c%7C",
        "/a'b(c)*!$&+=:@~\t/a'b(c)*!$&+=:@~",
        "/a[b]?q=[x]\t/a[b]?q=[x]",
        "/a#fragment\t/a",
        "/a?\t/a?",
    })
    void pathAndQueryAreEncodedAsGoEncodesThem(String pathAndQuery, String requestTarget) throws Exception {
        RecordedRequest req = deliver("http://hooks.example:" + server.getPort() + pathAndQuery);
        assertThat(req.getRequestLine()).isEqualTo("POST " + requestTarget + " HTTP/1.1");
    }

    @Test
    void aSpaceInTheQueryIsPercentEncodedWhereGoWouldSendItRaw() throws Exception {
        // Go writes "POST /a?q=c d HTTP/1.1", a request line servers refuse; %20 is what was meant
        RecordedRequest req = deliver("http://hooks.example:" + server.getPort() + "/a?q=c d");
        assertThat(req.getRequestLine()).isEqualTo("POST /a?q=c%20d HTTP/1.1");
    }
}
