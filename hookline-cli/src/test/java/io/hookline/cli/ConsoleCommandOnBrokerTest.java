package io.hookline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.kafkatest.KafkaBroker;
import io.hookline.kafkatest.KafkaBrokerExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code hookline console} alone against a cluster: its ready line, its admin token, its refusals. */
@ExtendWith(KafkaBrokerExtension.class)
class ConsoleCommandOnBrokerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theConsoleAloneSaysWhereItIsAndAsksForItsToken(KafkaBroker broker) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        IsolatedConfig isolated = new IsolatedConfig(broker).with("hookline.console-admin-token", "s3cret-admin");
        try (RunningCommand console = RunningCommand.start(isolated.args("console", "--ops",
                "http://127.0.0.1:" + closedPort))) {
            String ready = console.out().toString().strip();
            assertThat(ready).startsWith("ready: console=http://127.0.0.1:")
                    .endsWith("; bootstrap.servers=" + broker.bootstrapServers());
            Matcher url = Pattern.compile("console=(http://[0-9.:]+);").matcher(ready);
            assertThat(url.find()).isTrue();
            String base = url.group(1);

            assertThat(get(base + "/", null).statusCode()).as("the page that asks for the token").isEqualTo(200);
            HttpResponse<String> refused = get(base + "/api/hooks", null);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).isPresent();
            assertThat(get(base + "/api/hooks", "wrong").statusCode()).isEqualTo(401);
            HttpResponse<String> hooks = get(base + "/api/hooks", "s3cret-admin");
            assertThat(hooks.statusCode()).as(hooks.body()).isEqualTo(200);
            HttpResponse<String> info = get(base + "/api/console", "s3cret-admin");
            assertThat(info.body()).contains("\"token_required\":true").doesNotContain("s3cret-admin");

            HttpResponse<String> pipeline = get(base + "/api/pipeline", "s3cret-admin");
            assertThat(pipeline.statusCode()).isEqualTo(200);
            assertThat(pipeline.body()).contains("\"name\":\"http://127.0.0.1:" + closedPort + "\"",
                    "\"status\":\"UNREACHABLE\"");
            assertThat(console.err().toString()).doesNotContain("s3cret-admin");
            console.stop();
        }
    }

    @Test
    void aNonLoopbackAddressWithoutTokenIsRefusedNamingBothKeys() {
        CliRun.Result r = CliRun.run("console", "-b", "127.0.0.1:1", "--set", "hookline.console-address=0.0.0.0");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(r.err()).contains("hookline.console-address=0.0.0.0", "hookline.console-admin-token");
    }

    @Test
    void configMasksTheAdminToken() {
        CliRun.Result r = CliRun.run("config", "--set", "hookline.console-admin-token=s3cret-admin");
        assertThat(r.out()).contains("hookline.console-admin-token=****").doesNotContain("s3cret-admin");
    }
}
