package io.hookline.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.hook.CallbackUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The expected values are what Go 1.19 printed for {@code url.ParseRequestURI} (with Mattermost's prefix and host
 * checks) and for the request line its HTTP client wrote to a listening socket.
 */
class CallbackUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '\t', quoteCharacter = '\'', value = {
        "http://my_service:8080/hook\tmy_service:8080\t/hook\t",
        "http://bücher.example/hook\tbücher.example\t/hook\t",
        "http://h.example/a|b?x=1|2\th.example\t/a%7Cb\tx=1|2",
        "http://h.example/{id}?q={v}\th.example\t/%7Bid%7D\tq={v}",
        "http://h.example/a b?q=c d\th.example\t/a%20b\tq=c d",
        "http://h.example/a\\b?x=\\y\th.example\t/a%5Cb\tx=\\y",
        "http://h.example/%7Ca?x=%7C\th.example\t/%7Ca\tx=%7C",
        "http://h.example/ü?q=ü\th.example\t/%C3%BC\tq=ü",
        "http://h.example/a\"b<c>^`?q=\"<>^`\th.example\t/a%22b%3Cc%3E%5E%60\tq=\"<>^`",
        "http://h.example/a'b(c)*!$&+=:@~\th.example\t/a'b(c)*!$&+=:@~\t",
        "http://h.example/a[b]?q=[x]\th.example\t/a[b]\tq=[x]",
        "http://h.example/a#frag\th.example\t/a\t",
        "http://h.example/#frag|x\th.example\t/\t",
        "http://h.example/a?#\th.example\t/a\t''",
        "http://h.example\th.example\t/\t",
        "http://h.example?x=1\th.example\t/\tx=1",
        "http://h.example/a%2Fb\th.example\t/a%2Fb\t",
        "http://h.example/a/../b\th.example\t/a/../b\t",
        "http://user:pa%20ss@h.example/\tuser:pa%20ss@h.example\t/\t",
        "http://[::1]:8080/x\t[::1]:8080\t/x\t",
        "http://[fe80::1%25eth0]/x\t[fe80::1%25eth0]\t/x\t",
        "http://h.example:/x\th.example:\t/x\t",
        "http://-h-.example/\t-h-.example\t/\t",
        "http://h!x.example/\th!x.example\t/\t",
    })
    void acceptedUrlsGoOnTheWireAsGoSendsThem(String url, String authority, String path, String query) {
        assertThat(CallbackUrl.parse(url)).as(url)
                .contains(new CallbackUrl(url.startsWith("https") ? "https" : "http", authority, path, query));
    }

    @Test
    void aPathWithACharacterGoEscapesIsEscapedWhole() {
        // not "valid encoded" because of '|': Go decodes the path and escapes it again, so %2F becomes '/'
        assertThat(CallbackUrl.parse("http://h.example/a|b%2fc%7c").orElseThrow().requestPath())
                .isEqualTo("/a%7Cb/c%7C");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HTTP://h.example/", "ftp://h.example/", "http:///x", "http://", "http://h.example/a%zzb",
        "http://user:pa ss@h.example/", "http://h ost/", "http://h.example/a\tb", "http://h.example/\u007f",
        "http://h%20x.example/", "http://h.example:80a/", "http://[::1/", "http://h\\x.example/", "http://h#x/",
        "http://h.example/#%zz", " http://h.example/", "http://üser@h.example/"})
    void refusedUrlsAreThoseMattermostRefuses(String url) {
        assertThat(CallbackUrl.isValid(url)).as(url).isFalse();
    }
}
