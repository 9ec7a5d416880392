package io.hookline.dispatcher.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.dispatcher.http.FirstJsonValue.Ending;
import io.hookline.dispatcher.http.FirstJsonValue.Reading;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;
import okio.Okio;
import okio.Source;
import okio.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each case is one Go's decoder was run on (json.NewDecoder(io.LimitReader(body, 1<<20)).Decode, Go 1.19). */
class FirstJsonValueTest {

    private static final int LIMIT = CallbackClient.MAX_RESPONSE_BYTES;

    private static Reading read(String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        return FirstJsonValue.read(new Buffer().write(bytes), bytes.length, LIMIT);
    }

    private static String text(Reading r) {
        return new String(r.bytes(), StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            // Go decodes the first value and never looks at what follows
            "{\"text\":\"a\"}                          | {\"text\":\"a\"}",
            "{\"text\":\"a\"} trailing {garbage        | {\"text\":\"a\"}",
            "{\"text\":\"a\"}{\"text\":\"b\"}          | {\"text\":\"a\"}",
            "' \r\n\t{\"text\":\"a\"}\n'               | {\"text\":\"a\"}",
            "[1,[2,{}]]]]                              | [1,[2,{}]]",
            "null ,                                    | null",
            "123 456                                   | 123",
            "\"str\"x                                  | \"str\"",
    })
    void onlyTheFirstValueIsKept(String body, String value) throws IOException {
        Reading r = read(body);
        assertThat(r.ending()).isEqualTo(Ending.VALUE);
        assertThat(text(r)).isEqualTo(value);
    }

    @Test
    void bytesGoDecodesIntoAStringAreKeptAsTheyCame() throws IOException {
        // Go accepts invalid UTF-8 inside a string (it becomes U+FFFD); Jackson alone would refuse it
        Reading r = read("{\"text\":\"a\u00ff\u00feb\"}\u0000\u00ff");
        assertThat(r.ending()).isEqualTo(Ending.VALUE);
        assertThat(r.bytes()).containsExactly('{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', 0xff - 256,
                0xfe - 256, 'b', '"', '}');
    }

    // Go: invalid character ... (a BOM, a vertical tab, a control byte in a string, an unquoted name)
    @ParameterizedTest
    @ValueSource(strings = {"\u00ef\u00bb\u00bf{\"text\":\"a\"}", "\u000b{}", "<html><body>OK</body></html>", "OK",
            "{\"text\":\"a\u0001\"}", "{text:1}"})
    void aBodyThatCannotBeJsonIsGivenUpAtItsFirstWrongByte(String body) throws IOException {
        Reading r = read(body);
        assertThat(r.ending()).isEqualTo(Ending.NOT_JSON);
        assertThat(text(r)).isEqualTo(body);
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {"''", "' \n\t '", "{\"text\":\"a\"", "[1,"})
    void aBodyThatEndsBeforeItsValueIsKeptWhole(String body) throws IOException {
        Reading r = read(body);
        assertThat(r.ending()).isEqualTo(Ending.BODY_END);
        assertThat(text(r)).isEqualTo(body);
        assertThat(r.unread()).isFalse();
    }

    @Test
    void aValueSplitAcrossSlowChunksCompletesWithoutWaitingForTheRest() throws IOException {
        // the last chunk is never asked for: the source fails the test if it is
        Reading r = FirstJsonValue.read(chunks("  {\"te", "xt\":\"\u00e9", "\"}", "<never read>"), -1, LIMIT);
        assertThat(r.ending()).isEqualTo(Ending.VALUE);
        assertThat(new String(r.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"\u00e9\"}");
        assertThat(r.unread()).isTrue();
    }

    @Test
    void aValueShorterThanFourBytesIsCompleteWithoutWaiting() throws IOException {
        // Jackson's blocking parser would first wait for four bytes to guess the encoding
        assertThat(text(FirstJsonValue.read(chunks("{}", "<never read>"), -1, LIMIT))).isEqualTo("{}");
    }

    @Test
    void aBodyBlankUpToTheLimitIsNoValueAsInGo() throws IOException {
        // Go's decoder sees the limit as the end: io.EOF, no response
        Reading r = read(" ".repeat(LIMIT + 10));
        assertThat(r.ending()).isEqualTo(Ending.BODY_END);
        assertThat(r.bytes()).hasSize(LIMIT);
    }

    @Test
    void aScalarNeedsTheByteAfterItAsInGo() throws IOException {
        Reading number = FirstJsonValue.read(chunks("12", "34", " ", "<never read>"), -1, LIMIT);
        assertThat(text(number)).isEqualTo("1234");
        Reading nul = read("null");
        assertThat(nul.ending()).isEqualTo(Ending.VALUE);
        assertThat(text(nul)).isEqualTo("null");
    }

    @Test
    void theConnectionIsReusableOnlyWhenTheDeclaredBodyWasReadToItsEnd() throws IOException {
        assertThat(read("{\"text\":\"a\"}\n").unread()).isFalse();
        assertThat(read("{\"text\":\"a\"}").unread()).isFalse();
        byte[] value = "{\"text\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(FirstJsonValue.read(new Buffer().write(value), 1000, LIMIT).unread()).isTrue();
        assertThat(FirstJsonValue.read(new Buffer().write(value), -1, LIMIT).unread()).isTrue();
    }

    @Test
    void aValueOfExactlyTheLimitIsReadAndOneByteMoreIsTooLarge() throws IOException {
        String exact = "{\"text\":\"" + "a".repeat(LIMIT - 11) + "\"}";
        Reading ok = read(exact + "x".repeat(100_000));
        assertThat(ok.ending()).isEqualTo(Ending.VALUE);
        assertThat(ok.bytes()).hasSize(LIMIT);

        Reading tooLarge = read("{\"text\":\"" + "a".repeat(LIMIT - 10) + "\"}");
        assertThat(tooLarge.ending()).isEqualTo(Ending.TOO_LARGE);
        assertThat(tooLarge.bytes()).hasSize(LIMIT);
        assertThat(tooLarge.unread()).isTrue();

        // leading whitespace counts towards the limit, as Go's LimitReader counts it
        Reading late = read(" ".repeat(LIMIT - 11) + "{\"text\":\"\"}");
        assertThat(text(late)).isEqualTo("{\"text\":\"\"}");
        assertThat(read(" ".repeat(LIMIT - 10) + "{\"text\":\"\"}").ending()).isEqualTo(Ending.TOO_LARGE);
    }

    @Test
    void theLimitEndsANumberAsGosLimitReaderDoes() throws IOException {
        Reading r = read(" ".repeat(LIMIT - 3) + "123456");
        assertThat(r.ending()).isEqualTo(Ending.VALUE);
        assertThat(text(r)).isEqualTo("123");
    }

    @Test
    void goDepthAndLengthsAreAccepted() throws IOException {
        String deep = "{\"text\":\"d\",\"p\":" + "[".repeat(9_999) + "]".repeat(9_999) + "}";
        assertThat(read(deep).ending()).isEqualTo(Ending.VALUE);
        // Go: exceeded max depth
        assertThat(read("[".repeat(10_001) + "]".repeat(10_001)).ending()).isEqualTo(Ending.NOT_JSON);
        String longNumber = "{\"text\":\"n\",\"x\":" + "1".repeat(1_500) + ",\"" + "k".repeat(60_000) + "\":1}";
        assertThat(text(read(longNumber))).isEqualTo(longNumber);
    }

    /** A source that hands out one chunk per read and fails when asked beyond the last but one. */
    private static BufferedSource chunks(String... parts) {
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(parts));
        return Okio.buffer(new Source() {
            @Override
            public long read(Buffer sink, long byteCount) {
                if (queue.size() == 1) {
                    throw new AssertionError("read past the first value: " + queue.peek());
                }
                byte[] b = queue.poll().getBytes(StandardCharsets.UTF_8);
                sink.write(b);
                return b.length;
            }

            @Override
            public Timeout timeout() {
                return Timeout.NONE;
            }

            @Override
            public void close() {
            }
        });
    }
}
