package io.hookline.schemas.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackUrlCredentialsTest {

    /** The headers Go 1.19's net/http client sent to an httptest server for "http://USERINFO@host/hook". */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "user:pass        | Basic dXNlcjpwYXNz",
            "us%40er:p%40ss   | Basic dXNAZXI6cEBzcw==",
            "a@b:c            | Basic YUBiOmM=",
            "a:b@c            | Basic YTpiQGM=",
            "user             | Basic dXNlcjo=",
            "user:            | Basic dXNlcjo=",
            ":pass            | Basic OnBhc3M=",
            "''               | Basic Og==",
            "u:p%3Aw:x        | Basic dTpwOnc6eA==",
            "u+v:p+q          | Basic dSt2OnArcQ==",
            "u:%C3%A9         | Basic dTrDqQ==",
            "u:%FF            | Basic dTr/",
            "u:p%2Fq          | Basic dTpwL3E=",
            "u:p'*~!$&()      | Basic dTpwJyp+ISQmKCk=",
            "us%20er:pa%20ss  | Basic dXMgZXI6cGEgc3M="})
    void basicAuthorizationIsGoNetHttps(String userinfo, String header) {
        assertThat(CallbackUrlCredentials.basicAuthorization("http://" + userinfo + "@127.0.0.1:8080/hook?x=1"))
                .contains(header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://host/hook", "http://host/x@y", "http://host?a=b@c", "http://host#x@y"})
    void noUserinfoNoHeader(String url) {
        assertThat(CallbackUrlCredentials.basicAuthorization(url)).isEmpty();
    }

    /** Go refuses these URLs ("invalid URL escape", "net/url: invalid userinfo"), so Mattermost sends nothing. */
    @ParameterizedTest
    @ValueSource(strings = {"http://u:p%zz@host/", "http://u:p%4@host/", "http://u:\u00e9@host/", "http://u:p w@host/",
            "http://u:p\"q@host/"})
    void userinfoGoRefusesIsRefused(String url) {
        assertThatThrownBy(() -> CallbackUrlCredentials.basicAuthorization(url))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("callback URL has an invalid");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://user:s3cret@host/hook          | http://user:****@host/hook",
            "https://user:s3cret@host:8443?q=a@b   | https://user:****@host:8443?q=a@b",
            "http://a:b@c@host/                    | http://a:****@host/",
            "http://a@b:c@host/                    | http://a@b:****@host/",
            "http://apikey@host/                   | http://****@host/",
            "http://user:@host/                    | http://user:@host/",
            "http://@host/                         | http://@host/",
            "http://host/hook?next=http://x@y      | http://host/hook?next=http://x@y",
            "http://host/x@y                       | http://host/x@y",
            "http://u:p w@host/                    | http://u:****@host/"})
    void maskedHidesThePasswordOnly(String url, String masked) {
        assertThat(CallbackUrlCredentials.masked(url)).isEqualTo(masked);
    }

    @Test
    void maskedInHidesEveryUrlsPasswordInALogLineOrJson() {
        assertThat(CallbackUrlCredentials.maskedIn("POST http://user:s3cret@host/hook failed"))
                .isEqualTo("POST http://user:****@host/hook failed");
        assertThat(CallbackUrlCredentials.maskedIn("{\"callback_url\":\"https://u:pw@h/x\",\"n\":1}"))
                .isEqualTo("{\"callback_url\":\"https://u:****@h/x\",\"n\":1}");
        assertThat(CallbackUrlCredentials.maskedIn("a http://k3y@h/ and https://u:p@@h2/ end"))
                .isEqualTo("a http://****@h/ and https://u:****@h2/ end");
        assertThat(CallbackUrlCredentials.maskedIn("mail alice@example.com, see http://h/p"))
                .isEqualTo("mail alice@example.com, see http://h/p");
    }
}
