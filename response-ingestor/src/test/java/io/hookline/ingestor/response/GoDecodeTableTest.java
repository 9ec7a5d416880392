package io.hookline.ingestor.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of {@code go-decode.tsv} is a callback body and what Go's {@code json.Decoder} made of it when decoding
 * into Mattermost's response types ({@code src/test/go/decode}): refused ("error: ...") or accepted ("ok ...").
 * Hookline must refuse exactly the bodies Go refuses, naming the field, and accept the others.
 */
class GoDecodeTableTest {

    private final ResponseReader reader = new ResponseReader();

    static Stream<Arguments> goDecoded() throws IOException {
        return table().stream().map(row -> Arguments.of(row[0], row[1].startsWith("error"), row[1]));
    }

    private static List<String[]> table() throws IOException {
        try (InputStream in = GoDecodeTableTest.class.getResourceAsStream("/go-decode.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.split("\t", 2)).toList();
        }
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("goDecoded")
    void refusesWhatGoRefuses(String body, boolean goRefuses, String go) {
        if (goRefuses) {
            assertThatThrownBy(() -> reader.read(body)).isInstanceOf(ResponseFormatException.class)
                    .satisfies(e -> assertThat(e.getMessage()).as("names the field")
                            .matches("^(the response body must be a JSON object|the response body is not valid JSON"
                                    + "|[A-Za-z_]+(\\[\\d+])?(\\.[A-Za-z_]+(\\[\\d+])?)* (must be|holds)).*"));
        } else {
            assertThatCode(() -> reader.read(body)).doesNotThrowAnyException();
        }
    }

    @Test
    void theTableHasTheCasesThatMatter() throws IOException {
        assertThat(table()).extracting(row -> row[0]).contains(
                "{\"attachments\": [{\"fields\": [{\"short\": null}]}]}",
                "{\"attachments\": [{\"actions\": [{\"disabled\": null}]}]}",
                "{\"attachments\": [{\"actions\": [{\"cookie\": 1}]}]}",
                "{\"priority\": {\"postid\": 1}}",
                "{\"props\": {\"a\": 1e400}}",
                "{\"text\": \"a\", \"TEXT\": 5}",
                "{\"text\": 5, \"text\": \"a\"}");
    }

    @Test
    void namesTheFieldForTheCasesGoNamesLeast() {
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"fields\": [{\"short\": null}]}]}"))
                .hasMessage("attachments[0].fields[0].short must be true, false, \"true\" or \"false\", got null");
        assertThatThrownBy(() -> reader.read("{\"priority\": {\"channelid\": true}}"))
                .hasMessage("priority.ChannelId must be a string, got a boolean");
        assertThatThrownBy(() -> reader.read("{\"attachments\": [{\"fields\": [{\"value\": {\"k\": [1e400]}}]}]}"))
                .hasMessage("attachments[0].fields[0].value holds a number too large for a float64");
    }
}
