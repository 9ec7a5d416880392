package io.hookline.ingestor.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every line of {@code go-fmt-v.tsv} is a JSON value and what Go printed for it with {@code %v} after
 * {@code encoding/json} decoded it into an {@code interface{}}; the table and the program that wrote it
 * ({@code src/test/go/gofmt}) are committed together.
 */
class GoValueFormatTest {

    static Stream<Arguments> goOutput() throws IOException {
        try (InputStream in = GoValueFormatTest.class.getResourceAsStream("/go-fmt-v.tsv")) {
            String table = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return table.lines().map(line -> {
                int tab = line.indexOf('\t');
                return Arguments.of(line.substring(0, tab), line.substring(tab + 1));
            }).toList().stream();
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("goOutput")
    void printsWhatGoPrints(String json, String expected) throws IOException {
        JsonNode value = Json.mapper().readTree(json);
        assertThat(GoValueFormat.of(value)).isEqualTo(expected);
    }

    @Test
    void theTableCoversTheCasesMattermostUsersMeet() throws IOException {
        assertThat(goOutput().map(a -> (String) a.get()[0])).contains("1000000", "1.0", "0.000001", "12345678",
                "true", "{\"b\": \"x\", \"a\": 1}", "[1, \"two\"]", "null").hasSizeGreaterThan(300);
    }

    /** Jackson reads the integer {@code -0} as 0; Go reads it as a float64 negative zero and prints {@code -0}. */
    @Test
    void theIntegerMinusZeroPrintsAsZeroUnlikeGo() throws IOException {
        assertThat(GoValueFormat.of(Json.mapper().readTree("-0"))).isEqualTo("0");
        assertThat(GoValueFormat.of(Json.mapper().readTree("-0.0"))).isEqualTo("-0");
    }
}
