package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.AllowList;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One parse and one verdict per callback URL, shared by the lanes' budgets and the client's requests. */
class CallbackTargetsTest {

    private final CallbackTargets targets = new CallbackTargets(new AddressPolicy(AllowList.parse(""), Set.of()));

    @Test
    void theDestinationIsHostAndPortWithTheSchemesDefault() {
        assertThat(targets.destination("https://hooks.example.com/a")).isEqualTo("hooks.example.com:443");
        assertThat(targets.destination("http://hooks.example.com/b?x=1")).isEqualTo("hooks.example.com:80");
        assertThat(targets.destination("http://hooks.example.com:8065/c")).isEqualTo("hooks.example.com:8065");
    }

    @Test
    void credentialsLeaveTheUrlForTheAuthorizationAndNeverReachTheDestination() throws Exception {
        // the destination is the per-host budget's key and the metrics' host label
        assertThat(targets.destination("https://user:s3cret@hooks.example.com:8443/a")).isEqualTo(
                "hooks.example.com:8443");
        CallbackTargets.Target target = targets.target("https://user:s3cret@hooks.example.com:8443/a");
        assertThat(target.url().toString()).isEqualTo("https://hooks.example.com:8443/a");
        assertThat(target.authorization()).isEqualTo("Basic dXNlcjpzM2NyZXQ=");
        assertThat(targets.target("https://hooks.example.com/a").authorization()).isNull();
        assertThatThrownBy(() -> targets.target("https://user:s3cret%zz@hooks.example.com/a"))
                .isInstanceOf(RefusedException.class).hasMessageNotContaining("s3cret");
    }

    @Test
    void anAcceptedUrlIsParsedOnceForBudgetsAndRequests() throws Exception {
        String url = "https://hooks.example.com/a";
        targets.destination(url);
        CallbackTargets.Target first = targets.target(url);
        assertThat(targets.target(url)).isSameAs(first);
        assertThat(first.url().encodedPath()).isEqualTo("/a");
    }

    @Test
    void invalidAndForbiddenUrlsAreRefusedEveryTimeAndCountAgainstNoHost() {
        assertThatThrownBy(() -> targets.target("ftp://x")).isInstanceOf(RefusedException.class)
                .hasMessage("callback URL is not a valid http(s) URL");
        assertThatThrownBy(() -> targets.target("http://127.0.0.1:8065/a"))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.kind).isEqualTo(FailureKind.FORBIDDEN_ADDRESS));
        assertThat(targets.destination("http://127.0.0.1:8065/a")).isEmpty();
        assertThat(targets.destination("not a url")).isEmpty();
    }

    @Test
    void pastTheBoundTheLeastRecentlyUsedUrlIsParsedAgain() throws Exception {
        CallbackTargets.Target kept = targets.target("https://kept.example.com/");
        CallbackTargets.Target dropped = targets.target("https://dropped.example.com/");
        for (int i = 0; i < CallbackTargets.REMEMBERED - 1; i++) {
            targets.target("https://h" + i + ".example.com/");
            targets.target("https://kept.example.com/");
        }
        assertThat(targets.target("https://kept.example.com/")).isSameAs(kept);
        assertThat(targets.target("https://dropped.example.com/")).isNotSameAs(dropped).isEqualTo(dropped);
    }
}
