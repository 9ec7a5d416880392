package io.hookline.ingestor.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ResponseReader} reads only the first JSON value of a body, as Go's decoder does, whatever an earlier
 * dispatcher recorded after it. Each case is one Go's decoder was run on.
 */
class FirstValueDecodingTest {

    private final ResponseReader reader = new ResponseReader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
            "{\"text\":\"a\"}{\"text\":\"b\"}     | a",
            "{\"text\":\"a\"}]]] not json         | a",
            "'{\"text\":\"a\"}\u0000\ufffd'       | a",
            "' \r\n\t{\"text\":\"a\"} \n'         | a",
            "{\"text\":\"a\ufffd\ufffdb\"} tail   | a\ufffd\ufffdb",
    })
    void whatFollowsTheFirstValueIsIgnored(String body, String text) {
        assertThat(reader.read(body).orElseThrow().text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null{\"text\":\"x\"}", "null [1]", "null"})
    void aFirstValueNullIsNoPostWhateverFollows(String body) {
        assertThat(reader.read(body).orElseThrow().wantsPost()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ufeff{\"text\":\"a\"}", "\u000b{\"text\":\"a\"}", "\u0000{}", "<html>", "OK"})
    void aBodyWhoseFirstByteCannotStartAValueIsInvalidAsInGo(String body) {
        // Go: invalid character ... looking for beginning of value (a BOM included)
        assertThatThrownBy(() -> reader.read(body)).isInstanceOf(ResponseFormatException.class)
                .hasMessageStartingWith("the response body is not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"str\"x", "123 abc", "[1]]"})
    void aFirstValueThatIsNotAnObjectIsRefusedWhateverFollows(String body) {
        // Go: cannot unmarshal ... into Go value of type OutgoingWebhookResponse
        assertThatThrownBy(() -> reader.read(body)).isInstanceOf(ResponseFormatException.class)
                .hasMessageStartingWith("the response body must be a JSON object");
    }
}
