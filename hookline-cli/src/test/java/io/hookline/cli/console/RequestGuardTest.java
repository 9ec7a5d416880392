package io.hookline.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RequestGuardTest {

    private static final String HOST = "127.0.0.1:8068";
    private final RequestGuard open = new RequestGuard(null, true, "127.0.0.1");
    private final RequestGuard guarded = new RequestGuard("s3cret", false, "0.0.0.0");

    private static RequestGuard.Request post(String host, String origin, String csrf, String type) {
        return new RequestGuard.Request("POST", "/api/hooks", host, origin, null, csrf, type);
    }

    private static int status(Optional<ApiException> refusal) {
        return refusal.map(ApiException::status).orElse(0);
    }

    @Test
    void aGetNeedsNothingOnLoopback() {
        assertThat(open.check(new RequestGuard.Request("GET", "/api/hooks", HOST, null, null, null, null))).isEmpty();
        assertThat(open.check(new RequestGuard.Request("GET", "/", "localhost:8068", null, null, null, null)))
                .isEmpty();
        assertThat(open.check(new RequestGuard.Request("GET", "/", "[::1]:8068", null, null, null, null))).isEmpty();
    }

    @Test
    void aForeignHostNameIsRefusedOnLoopbackAgainstDnsRebinding() {
        assertThat(status(open.check(new RequestGuard.Request("GET", "/api/hooks", "evil.example:8068", null, null,
                null, null)))).isEqualTo(403);
        assertThat(status(open.check(new RequestGuard.Request("GET", "/", null, null, null, null, null))))
                .isEqualTo(403);
    }

    @Test
    void aChangeNeedsTheCsrfHeaderTheOwnOriginAndJson() {
        assertThat(open.check(post(HOST, "http://" + HOST, "1", "application/json; charset=utf-8"))).isEmpty();
        assertThat(open.check(post(HOST, null, "1", "application/json"))).isEmpty();
        Optional<ApiException> noHeader = open.check(post(HOST, "http://" + HOST, null, "application/json"));
        assertThat(status(noHeader)).isEqualTo(403);
        assertThat(noHeader.get().getMessage()).contains("X-Hookline-Console");
        assertThat(status(open.check(post(HOST, "http://evil.example", "1", "application/json")))).isEqualTo(403);
        assertThat(status(open.check(post(HOST, "http://localhost:8068", "1", "application/json"))))
                .as("another origin of the same machine is another origin").isEqualTo(403);
        assertThat(status(open.check(post(HOST, null, "1", "text/plain")))).isEqualTo(415);
        assertThat(status(open.check(post(HOST, null, "1", null)))).isEqualTo(415);
        assertThat(open.check(new RequestGuard.Request("DELETE", "/api/hooks/h1", HOST, null, null, "1", null)))
                .as("a DELETE has no body").isEmpty();
        assertThat(status(open.check(new RequestGuard.Request("DELETE", "/api/hooks/h1", HOST, null, null, null,
                null)))).isEqualTo(403);
    }

    @Test
    void theAdminTokenGuardsTheApiButNotThePagesThatAskForIt() {
        assertThat(guarded.check(new RequestGuard.Request("GET", "/", "console.example:8068", null, null, null,
                null))).isEmpty();
        assertThat(status(guarded.check(new RequestGuard.Request("GET", "/api/hooks", "console.example:8068", null,
                null, null, null)))).isEqualTo(401);
        assertThat(status(guarded.check(new RequestGuard.Request("GET", "/api/hooks", "console.example:8068", null,
                "Bearer wrong", null, null)))).isEqualTo(401);
        assertThat(guarded.check(new RequestGuard.Request("GET", "/api/hooks", "console.example:8068", null,
                "Bearer s3cret", null, null))).isEmpty();
        assertThat(status(guarded.check(new RequestGuard.Request("POST", "/api/hooks", "console.example:8068",
                null, "Bearer s3cret", null, "application/json")))).as("the token does not replace the CSRF header")
                .isEqualTo(403);
    }
}
