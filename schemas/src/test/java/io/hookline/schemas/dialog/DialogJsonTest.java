package io.hookline.schemas.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.hookline.schemas.serde.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expectations checked against Go's encoding/json (schemas/src/test/go/dialogcheck prints them). */
class DialogJsonTest {

    private static final String ZERO_ELEMENT_KEYS = "\"subtype\":\"\",\"default\":\"\",\"placeholder\":\"\","
            + "\"help_text\":\"\",\"optional\":false,\"min_length\":0,\"max_length\":0,\"data_source\":\"\"";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static OpenDialogRequest open(String body) throws DialogDecodeException {
        return DialogJson.decodeOpenRequest(utf8(body));
    }

    private static String reencodedOpen(String body) throws DialogDecodeException {
        return DialogJson.encodeToString(open(body));
    }

    @Test
    void unknownKeysVanishAbsentKeysAppearWithZeroValuesAndOmitemptyKeysStayOut() throws Exception {
        // given a request with unknown keys at every level and most keys absent
        String body = "{\"url\":\"u\",\"dialog\":{\"title\":\"<b>&\\u2028\\u2029\\u0001\\b\\f\",\"extra\":1,"
                + "\"elements\":[{\"name\":\"a\",\"type\":\"text\",\"x\":[1]}]}}";

        // when it is decoded and encoded again
        String json = reencodedOpen(body);

        // then it is what Mattermost pushes to the client (Go 1.22+ writes \b and \f short)
        assertThat(json).isEqualTo("{\"trigger_id\":\"\",\"url\":\"u\",\"dialog\":{\"callback_id\":\"\","
                + "\"title\":\"\\u003cb\\u003e\\u0026\\u2028\\u2029\\u0001\\b\\f\",\"introduction_text\":\"\","
                + "\"icon_url\":\"\",\"elements\":[{\"display_name\":\"\",\"name\":\"a\",\"type\":\"text\","
                + ZERO_ELEMENT_KEYS + ",\"options\":null,\"multiselect\":false}],\"submit_label\":\"\","
                + "\"notify_on_cancel\":false,\"state\":\"\"}}");
    }

    @Test
    void keysMatchCaseInsensitivelyAsGoFoldsThem() throws Exception {
        // \u017f (long s) folds to S in Go
        OpenDialogRequest r = open("{\"URL\":\"u\",\"Trigger_ID\":\"t\",\"dialog\":{\"\u017ftate\":\"s\"}}");
        assertThat(r.url()).isEqualTo("u");
        assertThat(r.triggerId()).isEqualTo("t");
        assertThat(r.dialog().state()).isEqualTo("s");
    }

    @Test
    void nullLeavesValuesAsTheyAreAndMakesSlicesNil() throws Exception {
        // given nulls for a string, a bool, an int, a struct and a slice
        OpenDialogRequest r = open("{\"url\":null,\"dialog\":{\"title\":null,\"notify_on_cancel\":null,"
                + "\"elements\":[null,{\"min_length\":null,\"options\":null,\"datetime_config\":null}]}}");

        // then each keeps its zero value
        assertThat(r.url()).isEmpty();
        assertThat(r.dialog().title()).isEmpty();
        assertThat(r.dialog().notifyOnCancel()).isFalse();
        assertThat(r.dialog().elements()).hasSize(2);
        assertThat(r.dialog().elements().get(1).options()).isNull();
        assertThat(r.dialog().elements().get(1).datetimeConfig()).isNull();
        assertThat(open("{\"dialog\":null}").dialog()).isEqualTo(Dialog.empty());
        assertThat(open("null")).isEqualTo(new OpenDialogRequest("", "", Dialog.empty()));
    }

    @Test
    void repeatedKeysMergeAsInGo() throws Exception {
        // the second dialog object fills the first; its null title leaves "a"
        assertThat(reencodedOpen("{\"dialog\":{\"title\":\"a\",\"callback_id\":\"c\"},"
                + "\"dialog\":{\"title\":null,\"submit_label\":\"l\"}}"))
                .isEqualTo("{\"trigger_id\":\"\",\"url\":\"\",\"dialog\":{\"callback_id\":\"c\",\"title\":\"a\","
                        + "\"introduction_text\":\"\",\"icon_url\":\"\",\"elements\":null,\"submit_label\":\"l\","
                        + "\"notify_on_cancel\":false,\"state\":\"\"}}");
        // the second array reuses the first's elements by index and truncates
        assertThat(reencodedOpen("{\"dialog\":{\"elements\":[{\"name\":\"a\",\"type\":\"text\"},{\"name\":\"b\"}]},"
                + "\"dialog\":{\"elements\":[{\"name\":\"c\"}]}}"))
                .contains("\"elements\":[{\"display_name\":\"\",\"name\":\"c\",\"type\":\"text\",");
        assertThat(DialogJson.decodeSubmitResponse(utf8("{\"errors\":{\"a\":\"x\"},\"errors\":{\"b\":\"y\"}}"))
                .errors()).isEqualTo(Map.of("a", "x", "b", "y"));
    }

    @Test
    void nilOptionsAndEmptyDatetimeConfigSurvive() throws Exception {
        assertThat(reencodedOpen("{\"dialog\":{\"elements\":[{\"options\":[{\"text\":\"t\",\"value\":\"v\"},null],"
                + "\"datetime_config\":{}}]}}"))
                .contains("\"options\":[{\"text\":\"t\",\"value\":\"v\"},null],\"multiselect\":false,"
                        + "\"datetime_config\":{}}");
    }

    static Stream<Arguments> typeMismatches() {
        String el = "Go struct field DialogElement.dialog.elements.";
        return Stream.of(
                Arguments.of("{\"dialog\":{\"elements\":[{\"optional\":\"true\"}]}}",
                        "json: cannot unmarshal string into " + el + "optional of type bool"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"min_length\":\"5\"}]}}",
                        "json: cannot unmarshal string into " + el + "min_length of type int"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"min_length\":1.5}]}}",
                        "json: cannot unmarshal number 1.5 into " + el + "min_length of type int"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"max_length\":1e2}]}}",
                        "json: cannot unmarshal number 1e2 into " + el + "max_length of type int"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"min_length\":9223372036854775808}]}}",
                        "json: cannot unmarshal number 9223372036854775808 into " + el + "min_length of type int"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"time_interval\":" + "9".repeat(5000) + "}]}}",
                        "json: cannot unmarshal number " + "9".repeat(24) + "... into " + el
                                + "time_interval of type int"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"default\":true}]}}",
                        "json: cannot unmarshal bool into " + el + "default of type string"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"name\":5}]}}",
                        "json: cannot unmarshal number into " + el + "name of type string"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"options\":[\"x\"]}]}}",
                        "json: cannot unmarshal string into " + el + "options of type model.PostActionOptions"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"options\":{}}]}}",
                        "json: cannot unmarshal object into " + el + "options of type []*model.PostActionOptions"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"datetime_config\":{\"time_interval\":\"5\"}}]}}",
                        "json: cannot unmarshal string into Go struct field DialogDateTimeConfig.dialog.elements."
                                + "datetime_config.time_interval of type int"),
                Arguments.of("{\"dialog\":{\"elements\":{}}}",
                        "json: cannot unmarshal object into Go struct field Dialog.dialog.elements of type "
                                + "[]model.DialogElement"),
                Arguments.of("{\"dialog\":\"x\"}",
                        "json: cannot unmarshal string into Go struct field OpenDialogRequest.dialog of type "
                                + "model.Dialog"),
                Arguments.of("{\"url\":[\"u\"]}",
                        "json: cannot unmarshal array into Go struct field OpenDialogRequest.url of type string"),
                Arguments.of("[]", "json: cannot unmarshal array into Go value of type model.OpenDialogRequest"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("typeMismatches")
    void anyTypeMismatchFailsTheWholeRequest(String body, String message) {
        assertThatThrownBy(() -> open(body)).isInstanceOf(DialogDecodeException.class).hasMessage(message);
    }

    @Test
    void int64LimitsAreAccepted() throws Exception {
        OpenDialogRequest r = open("{\"dialog\":{\"elements\":[{\"min_length\":-9223372036854775808,"
                + "\"max_length\":9223372036854775807,\"time_interval\":-0}]}}");
        DialogElement e = r.dialog().elements().get(0);
        assertThat(e.minLength()).isEqualTo(Long.MIN_VALUE);
        assertThat(e.maxLength()).isEqualTo(Long.MAX_VALUE);
        assertThat(e.timeInterval()).isZero();
    }

    static Stream<Arguments> invalidJson() {
        return Stream.of(
                Arguments.of("", "EOF"),
                Arguments.of("  \n", "EOF"),
                Arguments.of("{", "unexpected EOF"),
                Arguments.of("{\"url\":\"u\",}", "invalid character '}' looking for beginning of object key string"),
                Arguments.of("{\"url\" \"u\"}", "invalid character '\"' after object key"),
                Arguments.of("{\"url\":'u'}", "invalid character '\\'' looking for beginning of value"),
                Arguments.of("{\"url\":\"a\tb\"}", "invalid character '\\t' in string literal"),
                Arguments.of("{\"url\":\"\\x\"}", "invalid character 'x' in string escape code"),
                Arguments.of("{\"dialog\":{\"elements\":[{\"min_length\":01}]}}",
                        "invalid character '1' after object key:value pair"),
                Arguments.of("{\"url\":tru}", "invalid character '}' in literal true (expecting 'e')"),
                Arguments.of("[".repeat(10001), "exceeded max depth"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidJson")
    void invalidJsonFails(String body, String message) {
        assertThatThrownBy(() -> open(body)).isInstanceOf(DialogDecodeException.class).message().startsWith(message);
    }

    @Test
    void theOpenDecoderReadsOnlyTheFirstValueButResponsesMustBeOneValue() throws Exception {
        // json.Decoder.Decode stops after the first value; json.Unmarshal refuses anything after it
        assertThat(open("{\"url\":\"u\"} trailing").url()).isEqualTo("u");
        assertThatThrownBy(() -> DialogJson.decodeSubmitResponse(utf8("{} x")))
                .hasMessageStartingWith("invalid character 'x' after top-level value");
        assertThatThrownBy(() -> DialogJson.decodeLookupResponse(utf8("{\"items\":[]}]")))
                .hasMessageStartingWith("invalid character ']' after top-level value");
        assertThatThrownBy(() -> DialogJson.decodeSubmitResponse(utf8(" ")))
                .hasMessage("unexpected end of JSON input");
    }

    @Test
    void stringsAreDecodedAsGoDecodesThem() throws Exception {
        // an invalid byte and a lone surrogate escape each become U+FFFD; a surrogate pair escape is one character
        byte[] body = {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xFF, (byte) 0xE2, (byte) 0x82, '\\', 'u', 'd',
                '8', '0', '0', '\\', 'u', 'd', '8', '3', 'd', '\\', 'u', 'd', 'e', '0', '0', '\\', '/', '"', '}'};
        assertThat(DialogJson.decodeOpenRequest(body).url())
                .isEqualTo("\uFFFD\uFFFD\uFFFD\uFFFD\uD83D\uDE00/");
    }

    @Test
    void submitResponses() throws Exception {
        // an empty body is the empty response
        assertThat(DialogJson.decodeSubmitResponse(new byte[0])).isEqualTo(SubmitDialogResponse.empty());
        assertThat(DialogJson.encodeToString(SubmitDialogResponse.empty())).isEqualTo("{}");
        // map keys come out sorted by bytes; a null value is ""; unknown keys vanish
        SubmitDialogResponse r = DialogJson.decodeSubmitResponse(
                utf8("{\"errors\":{\"b\":\"2\",\"a\":null,\"\u00e9\":\"3\",\"z\":\"4\"},\"ignored\":1}"));
        assertThat(DialogJson.encodeToString(r)).isEqualTo("{\"errors\":{\"a\":\"\",\"b\":\"2\",\"z\":\"4\",\"\u00e9\":\"3\"}}");
        // a form is a whole dialog
        SubmitDialogResponse form = DialogJson.decodeSubmitResponse(
                utf8("{\"type\":\"form\",\"form\":{\"title\":\"Step 2\"},\"error\":\"\"}"));
        assertThat(DialogJson.encodeToString(form)).isEqualTo("{\"type\":\"form\",\"form\":{\"callback_id\":\"\","
                + "\"title\":\"Step 2\",\"introduction_text\":\"\",\"icon_url\":\"\",\"elements\":null,"
                + "\"submit_label\":\"\",\"notify_on_cancel\":false,\"state\":\"\"}}");
        assertThat(DialogJson.decodeSubmitResponse(utf8("{\"form\":null}")).form()).isNull();
        assertThatThrownBy(() -> DialogJson.decodeSubmitResponse(utf8("{\"errors\":{\"a\":1}}")))
                .hasMessage("json: cannot unmarshal number into Go struct field SubmitDialogResponse.errors of type "
                        + "string");
        assertThatThrownBy(() -> DialogJson.decodeSubmitResponse(utf8("{\"errors\":[]}")))
                .hasMessage("json: cannot unmarshal array into Go struct field SubmitDialogResponse.errors of type "
                        + "map[string]string");
    }

    @Test
    void lookupResponses() throws Exception {
        assertThat(DialogJson.encodeToString(DialogJson.decodeLookupResponse(new byte[0])))
                .isEqualTo("{\"items\":null}");
        assertThat(DialogJson.encodeToString(DialogJson.decodeLookupResponse(utf8("{\"items\":[]}"))))
                .isEqualTo("{\"items\":[]}");
        // the server reads "items", not "options"
        assertThat(DialogJson.encodeToString(DialogJson.decodeLookupResponse(utf8("{\"options\":[{\"text\":\"a\"}]}"))))
                .isEqualTo("{\"items\":null}");
        assertThat(DialogJson.encodeToString(DialogJson.decodeLookupResponse(
                utf8("{\"items\":[null,{\"text\":\"a\",\"value\":\"b\",\"x\":1}]}"))))
                .isEqualTo("{\"items\":[{\"text\":\"\",\"value\":\"\"},{\"text\":\"a\",\"value\":\"b\"}]}");
        assertThatThrownBy(() -> DialogJson.decodeLookupResponse(utf8("{\"items\":[{\"value\":1}]}")))
                .hasMessage("json: cannot unmarshal number into Go struct field DialogSelectOption.items.value of "
                        + "type string");
    }

    /** A dialog with every element type and every key set. */
    static Dialog fullDialog() {
        List<DialogOption> ab = List.of(new DialogOption("A", "a"), new DialogOption("B", "b"));
        return new Dialog("cb", "Create ticket", "Fields marked * are required.", "https://x.example/i.png",
                List.of(
                        DialogElement.of("Summary", "summary", "text").withSubtype("email").withDefaultValue("d")
                                .withPlaceholder("p").withHelpText("h").withOptional(true).withMinLength(1)
                                .withMaxLength(120),
                        DialogElement.of("Body", "body", "textarea").withMaxLength(3000),
                        DialogElement.of("Assignee", "assignee", "select").withDataSource("users"),
                        DialogElement.of("Repo", "repo", "select").withDataSource("dynamic")
                                .withDataSourceUrl("/plugins/p/lookup").withRefresh(true),
                        DialogElement.of("Labels", "labels", "select").withOptions(ab).withMultiselect(true)
                                .withDefaultValue("a,b"),
                        DialogElement.of("Urgent", "urgent", "bool").withDefaultValue("false"),
                        DialogElement.of("Sev", "sev", "radio").withOptions(ab).withDefaultValue("a"),
                        DialogElement.of("Due", "due", "date").withMinDate("today").withMaxDate("+2w"),
                        DialogElement.of("At", "at", "datetime").withTimeInterval(30)
                                .withDatetimeConfig(new DialogDateTimeConfig(15, "Europe/Paris", true))),
                "Create", true, "{\"src\":\"INC-42\"}", "https://x.example/refresh");
    }

    @Test
    void aFullDialogIsWrittenExactlyAsGoWritesIt() {
        String json = DialogJson.encodeToString(new OpenDialogRequest("trig", "https://x.example/submit",
                fullDialog()));
        String common = "\"subtype\":\"\",\"default\":\"\",\"placeholder\":\"\",\"help_text\":\"\","
                + "\"optional\":false,\"min_length\":0,";
        assertThat(json).isEqualTo("{\"trigger_id\":\"trig\",\"url\":\"https://x.example/submit\",\"dialog\":{"
                + "\"callback_id\":\"cb\",\"title\":\"Create ticket\","
                + "\"introduction_text\":\"Fields marked * are required.\",\"icon_url\":\"https://x.example/i.png\","
                + "\"elements\":["
                + "{\"display_name\":\"Summary\",\"name\":\"summary\",\"type\":\"text\",\"subtype\":\"email\","
                + "\"default\":\"d\",\"placeholder\":\"p\",\"help_text\":\"h\",\"optional\":true,\"min_length\":1,"
                + "\"max_length\":120,\"data_source\":\"\",\"options\":null,\"multiselect\":false},"
                + "{\"display_name\":\"Body\",\"name\":\"body\",\"type\":\"textarea\"," + common
                + "\"max_length\":3000,\"data_source\":\"\",\"options\":null,\"multiselect\":false},"
                + "{\"display_name\":\"Assignee\",\"name\":\"assignee\",\"type\":\"select\"," + common
                + "\"max_length\":0,\"data_source\":\"users\",\"options\":null,\"multiselect\":false},"
                + "{\"display_name\":\"Repo\",\"name\":\"repo\",\"type\":\"select\"," + common
                + "\"max_length\":0,\"data_source\":\"dynamic\",\"data_source_url\":\"/plugins/p/lookup\","
                + "\"options\":null,\"multiselect\":false,\"refresh\":true},"
                + "{\"display_name\":\"Labels\",\"name\":\"labels\",\"type\":\"select\",\"subtype\":\"\","
                + "\"default\":\"a,b\",\"placeholder\":\"\",\"help_text\":\"\",\"optional\":false,\"min_length\":0,"
                + "\"max_length\":0,\"data_source\":\"\",\"options\":[{\"text\":\"A\",\"value\":\"a\"},"
                + "{\"text\":\"B\",\"value\":\"b\"}],\"multiselect\":true},"
                + "{\"display_name\":\"Urgent\",\"name\":\"urgent\",\"type\":\"bool\",\"subtype\":\"\","
                + "\"default\":\"false\",\"placeholder\":\"\",\"help_text\":\"\",\"optional\":false,"
                + "\"min_length\":0,\"max_length\":0,\"data_source\":\"\",\"options\":null,\"multiselect\":false},"
                + "{\"display_name\":\"Sev\",\"name\":\"sev\",\"type\":\"radio\",\"subtype\":\"\",\"default\":\"a\","
                + "\"placeholder\":\"\",\"help_text\":\"\",\"optional\":false,\"min_length\":0,\"max_length\":0,"
                + "\"data_source\":\"\",\"options\":[{\"text\":\"A\",\"value\":\"a\"},{\"text\":\"B\",\"value\":\"b\"}],"
                + "\"multiselect\":false},"
                + "{\"display_name\":\"Due\",\"name\":\"due\",\"type\":\"date\"," + common
                + "\"max_length\":0,\"data_source\":\"\",\"options\":null,\"multiselect\":false,"
                + "\"min_date\":\"today\",\"max_date\":\"+2w\"},"
                + "{\"display_name\":\"At\",\"name\":\"at\",\"type\":\"datetime\"," + common
                + "\"max_length\":0,\"data_source\":\"\",\"options\":null,\"multiselect\":false,"
                + "\"datetime_config\":{\"time_interval\":15,\"location_timezone\":\"Europe/Paris\","
                + "\"allow_manual_time_entry\":true},\"time_interval\":30}],"
                + "\"submit_label\":\"Create\",\"notify_on_cancel\":true,\"state\":\"{\\\"src\\\":\\\"INC-42\\\"}\","
                + "\"source_url\":\"https://x.example/refresh\"}}");
        assertThat(DialogValidator.problems(fullDialog())).isEmpty();
    }

    @Test
    void encodingThenDecodingGivesTheSameRecords() throws Exception {
        OpenDialogRequest r = new OpenDialogRequest("t", "u", fullDialog().withElements(List.of(
                DialogElement.of("X", "x", "radio").withOptions(Arrays.asList(new DialogOption("A", "a"), null)))));
        assertThat(DialogJson.decodeOpenRequest(DialogJson.encode(r))).isEqualTo(r);
        assertThat(DialogJson.decodeOpenRequest(DialogJson.encode(new OpenDialogRequest("t", "u", fullDialog()))))
                .isEqualTo(new OpenDialogRequest("t", "u", fullDialog()));
    }

    @Test
    void theSharedMapperWritesTheSameJsonTreeAndReadsItBack() throws Exception {
        // Jackson escapes differently, but through the records' annotations the keys, nulls and omissions match Go
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("b", "x");
        errors.put("a", "y");
        for (Object value : List.of(new OpenDialogRequest("t", "u", fullDialog()), Dialog.empty(),
                new SubmitDialogResponse("", errors, "form", fullDialog()), SubmitDialogResponse.empty(),
                LookupDialogResponse.empty(), new LookupDialogResponse(List.of(new DialogOption("a", "b"))))) {
            String jackson = Json.mapper().writeValueAsString(value);
            JsonNode go = Json.mapper().readTree(DialogJson.encode(value));
            assertThat(Json.mapper().readTree(jackson)).as(jackson).isEqualTo(go);
            assertThat(Json.mapper().readValue(jackson, value.getClass())).isEqualTo(value);
        }
    }

    @Test
    void onlyDialogRecordsCanBeEncoded() {
        assertThatThrownBy(() -> DialogJson.encode("text")).isInstanceOf(IllegalArgumentException.class);
    }
}
