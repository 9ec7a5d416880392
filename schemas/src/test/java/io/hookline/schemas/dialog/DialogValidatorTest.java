package io.hookline.schemas.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DialogValidatorTest {

    private static final List<DialogOption> AB = List.of(new DialogOption("A", "a"), new DialogOption("B", "b"));

    private static DialogElement el(String type) {
        DialogElement e = DialogElement.of("Field", "f", type);
        return type.equals("datetime") ? e.withTimeInterval(30) : e;
    }

    private static Arguments row(String rule, DialogElement element, String... problems) {
        return Arguments.of(rule, element, List.of(problems));
    }

    /** One row per rule of DialogElement.IsValid: the element and the problems Mattermost reports for it. */
    static Stream<Arguments> elementRules() {
        return Stream.of(
                row("valid text", el("text")),
                row("negative min_length", el("text").withMinLength(-1),
                        "min length cannot be a negative number, got -1"),
                row("min_length above max_length (max defaults to 0)", el("text").withMinLength(5),
                        "min length should be less then max length, got 5 > 0"),
                row("min below max", el("text").withMinLength(5).withMaxLength(10)),
                row("display name empty", el("text").withDisplayName(""), "DisplayName cannot be empty"),
                row("display name 24 bytes", el("text").withDisplayName("x".repeat(24))),
                row("display name 25 bytes", el("text").withDisplayName("x".repeat(25)),
                        "DisplayName cannot be longer than 24 characters, got 25"),
                row("display name 13 two-byte chars = 26 bytes", el("text").withDisplayName("\u00e9".repeat(13)),
                        "DisplayName cannot be longer than 24 characters, got 26"),
                row("name 300 bytes", el("text").withName("n".repeat(300))),
                row("name 301 bytes", el("text").withName("n".repeat(301)),
                        "Name cannot be longer than 300 characters, got 301"),
                row("help text 151 bytes", el("text").withHelpText("h".repeat(151)),
                        "HelpText cannot be longer than 150 characters, got 151"),
                row("multiselect on a non-select", el("text").withMultiselect(true),
                        "multiselect can only be used with select elements, got type \"text\""),
                row("unknown type", el("checkbox"), "invalid element type: \"checkbox\""),
                row("empty type", el(""), "invalid element type: \"\""),
                row("text default 151", el("text").withDefaultValue("d".repeat(151)),
                        "Default cannot be longer than 150 characters, got 151"),
                row("text placeholder 151", el("text").withPlaceholder("p".repeat(151)),
                        "Placeholder cannot be longer than 150 characters, got 151"),
                row("text subtypes", el("text").withSubtype("password")),
                row("text bad subtype prints the type (sic)", el("text").withSubtype("phone"),
                        "invalid subtype \"text\""),
                row("textarea default 3000", el("textarea").withDefaultValue("d".repeat(3000))),
                row("textarea default 3001", el("textarea").withDefaultValue("d".repeat(3001)),
                        "Default cannot be longer than 3000 characters, got 3001"),
                row("textarea placeholder 3001", el("textarea").withPlaceholder("p".repeat(3001)),
                        "Placeholder cannot be longer than 3000 characters, got 3001"),
                row("textarea bad subtype", el("textarea").withSubtype("date"), "invalid subtype \"textarea\""),
                row("select default 3001 (users)", el("select").withDataSource("users")
                                .withDefaultValue("d".repeat(3001)),
                        "Default cannot be longer than 3000 characters, got 3001"),
                row("select placeholder 3001", el("select").withPlaceholder("p".repeat(3001)),
                        "Placeholder cannot be longer than 3000 characters, got 3001"),
                row("select unknown data source", el("select").withDataSource("teams"),
                        "invalid data source \"teams\", allowed are 'users', 'channels', or 'dynamic'"),
                row("users default is not checked", el("select").withDataSource("users").withDefaultValue("u1")),
                row("channels default is not checked", el("select").withDataSource("channels")
                        .withDefaultValue("c1")),
                row("dynamic without url", el("select").withDataSource("dynamic"),
                        "dynamic data_source requires data_source_url"),
                row("dynamic with a bad url", el("select").withDataSource("dynamic").withDataSourceUrl("ftp://x.example"),
                        "invalid data_source_url for dynamic select"),
                row("dynamic with a plugin url", el("select").withDataSource("dynamic")
                        .withDataSourceUrl("/plugins/p/lookup")),
                row("dynamic with plain http", el("select").withDataSource("dynamic")
                        .withDataSourceUrl("http://lookup.example/items")),
                row("dynamic with options", el("select").withDataSource("dynamic")
                                .withDataSourceUrl("/plugins/p/lookup").withOptions(AB),
                        "dynamic select element should not have static options"),
                row("static default in options", el("select").withOptions(AB).withDefaultValue("b")),
                row("static default not in options (trailing space)", el("select").withOptions(AB)
                        .withDefaultValue("c"), "default value \"c\" doesn't exist in options "),
                row("multiselect default with spaces and empty items", el("select").withOptions(AB)
                        .withMultiselect(true).withDefaultValue(" a , b,,")),
                row("multiselect default with an unknown value", el("select").withOptions(AB).withMultiselect(true)
                        .withDefaultValue("a,c"), "multiselect default value \"a,c\" contains values not in options"),
                row("bool defaults", el("bool").withDefaultValue("false")),
                row("bool bad default", el("bool").withDefaultValue("yes"), "invalid default of bool"),
                row("bool placeholder 151", el("bool").withPlaceholder("p".repeat(151)),
                        "Placeholder cannot be longer than 150 characters, got 151"),
                row("radio default in options, a nil option skipped", el("radio")
                        .withOptions(Arrays.asList(null, new DialogOption("A", "a"))).withDefaultValue("a")),
                row("radio default not in options", el("radio").withOptions(AB).withDefaultValue("z"),
                        "default value \"z\" doesn't exist in options "),
                row("radio placeholder is not limited", el("radio").withPlaceholder("p".repeat(5000))),
                row("date relative formats", el("date").withDefaultValue("today").withMinDate("-7d")
                        .withMaxDate("+6M")),
                row("date placeholder 151", el("date").withPlaceholder("p".repeat(151)),
                        "Placeholder cannot be longer than 150 characters, got 151"),
                row("date default not a day of the month", el("date").withDefaultValue("2024-02-30"),
                        "invalid date format: \"2024-02-30\", expected ISO format (YYYY-MM-DD), datetime format, "
                                + "or relative format"),
                row("date given a datetime", el("date").withDefaultValue("2024-01-15T10:00:00Z"),
                        "date field received datetime format \"2024-01-15T10:00:00Z\", only date portion "
                                + "\"2024-01-15\" will be used. Consider using date format instead"),
                row("date: years are not relative units", el("date").withMinDate("+1y"),
                        "invalid date format: \"+1y\", expected ISO format (YYYY-MM-DD), datetime format, "
                                + "or relative format"),
                row("date max_date checked", el("date").withMaxDate("tomorrow ").withMinDate("yesterday"),
                        "invalid date format: \"tomorrow \", expected ISO format (YYYY-MM-DD), datetime format, "
                                + "or relative format"),
                row("datetime formats", el("datetime").withDefaultValue("2024-01-15T10:00:00+05:30")
                        .withMinDate("2024-01-01").withMaxDate("+2w")),
                row("datetime without seconds", el("datetime").withDefaultValue("2024-01-15T10:00")),
                row("datetime bad default", el("datetime").withDefaultValue("2024-01-15"),
                        "invalid datetime format: \"2024-01-15\", expected ISO format (YYYY-MM-DDTHH:MM:SSZ) "
                                + "or relative format"),
                row("datetime min_date given a datetime", el("datetime").withMinDate("2024-01-15T10:00"),
                        "date field received datetime format \"2024-01-15T10:00\", only date portion "
                                + "\"2024-01-15\" will be used. Consider using date format instead"),
                row("datetime placeholder 151", el("datetime").withPlaceholder("p".repeat(151)),
                        "Placeholder cannot be longer than 150 characters, got 151"),
                row("time_interval 0", el("datetime").withTimeInterval(0),
                        "time_interval of 0 will be reset to default, 60 minutes"),
                row("time_interval 1440", el("datetime").withTimeInterval(1440)),
                row("time_interval 1441", el("datetime").withTimeInterval(1441),
                        "time_interval must be between 1 and 1440 minutes, got 1441"),
                row("time_interval negative", el("datetime").withTimeInterval(-5),
                        "time_interval must be between 1 and 1440 minutes, got -5"),
                row("time_interval not a divisor", el("datetime").withTimeInterval(7),
                        "time_interval must be a divisor of 1440 (24 hours * 60 minutes) to create valid time "
                                + "intervals, got 7"),
                row("datetime_config.time_interval is not checked", el("datetime")
                        .withDatetimeConfig(new DialogDateTimeConfig(7, "Mars/Olympus", true))),
                row("problems are all collected, common first", el("bool").withDisplayName("").withMinLength(-2)
                                .withMultiselect(true).withDefaultValue("1"),
                        "min length cannot be a negative number, got -2", "DisplayName cannot be empty",
                        "multiselect can only be used with select elements, got type \"bool\"",
                        "invalid default of bool"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementRules")
    void elementRule(String rule, DialogElement element, List<String> expected) {
        // given a dialog whose only element is the row's
        Dialog dialog = Dialog.of("Title", List.of(element));

        // when it is validated
        List<String> problems = DialogValidator.problems(dialog);

        // then each problem is the element's, wrapped with its name as Mattermost wraps it
        String prefix = GoText.quote(element.name()) + " field is not valid: ";
        assertThat(problems).containsExactlyElementsOf(expected.stream().map(p -> prefix + p).toList());
    }

    static Stream<Arguments> dates() {
        return Stream.of(
                Arguments.of("2024-02-29", true), Arguments.of("2023-02-29", false), Arguments.of("0000-02-29", true),
                Arguments.of("2024-1-05", false), Arguments.of("2024-13-01", false), Arguments.of("2024-04-31", false),
                Arguments.of("+1d", true), Arguments.of("-12w", true), Arguments.of("+999m", true),
                Arguments.of("+1D", true), Arguments.of("+1000d", false), Arguments.of("+d", false),
                Arguments.of("1d", false), Arguments.of("+1h", false), Arguments.of("+-1d", true),
                Arguments.of("Today", false), Arguments.of("", true));
    }

    @ParameterizedTest(name = "date {0} -> {1}")
    @MethodSource("dates")
    void dateFormats(String value, boolean valid) {
        assertThat(DialogValidator.dateProblem(value) == null).isEqualTo(valid);
    }

    static Stream<Arguments> datetimes() {
        return Stream.of(
                Arguments.of("2024-01-15T10:00:00Z", true), Arguments.of("2024-01-15T10:00:00-07:00", true),
                Arguments.of("2024-01-15T10:00:00", true), Arguments.of("2024-01-15T10:00", true),
                Arguments.of("2024-01-15T9:00:00Z", true), Arguments.of("2024-01-15T10:00:00.123Z", true),
                Arguments.of("2024-01-15T10:00:00,5", true), Arguments.of("2024-01-15T24:00:00Z", false),
                Arguments.of("2024-01-15T10:60", false), Arguments.of("2024-01-15T10:00:00+0530", false),
                Arguments.of("2024-01-15T10:00:00+25:00", false), Arguments.of("2024-01-15 10:00", false),
                Arguments.of("2024-01-15t10:00", false), Arguments.of("2024-01-15T10:00Z", false),
                Arguments.of("yesterday", true), Arguments.of("-2w", true));
    }

    @ParameterizedTest(name = "datetime {0} -> {1}")
    @MethodSource("datetimes")
    void datetimeFormats(String value, boolean valid) {
        assertThat(DialogValidator.datetimeProblem(value) == null).isEqualTo(valid);
    }

    static Stream<Arguments> dialogRules() {
        DialogElement text = DialogElement.of("Field", "a", "text");
        return Stream.of(
                Arguments.of("valid", Dialog.of("Title", List.of(text)), List.of()),
                Arguments.of("no elements at all", Dialog.of("Title", null), List.of()),
                Arguments.of("title required", Dialog.of("", null), List.of("invalid dialog title \"\"")),
                Arguments.of("title 24 bytes", Dialog.of("t".repeat(24), null), List.of()),
                Arguments.of("title 25 bytes", Dialog.of("t".repeat(25), null),
                        List.of("invalid dialog title \"" + "t".repeat(25) + "\"")),
                Arguments.of("title of 8 three-byte chars = 24 bytes", Dialog.of("\u65e5".repeat(8), null), List.of()),
                Arguments.of("title of 9 three-byte chars = 27 bytes", Dialog.of("\u65e5".repeat(9), null),
                        List.of("invalid dialog title \"" + "\u65e5".repeat(9) + "\"")),
                Arguments.of("title quoted as Go's %q", Dialog.of("a\"b\n\u00a0".repeat(1) + "t".repeat(30), null),
                        List.of("invalid dialog title \"a\\\"b\\n\\u00a0" + "t".repeat(30) + "\"")),
                Arguments.of("icon url http(s)", Dialog.of("T", null).withIconUrl("https://x.example/i.png"),
                        List.of()),
                Arguments.of("icon url not http(s)", Dialog.of("T", null).withIconUrl("ftp://x.example/i.png"),
                        List.of("invalid icon url")),
                Arguments.of("duplicate names", Dialog.of("T", List.of(text, text.withDisplayName("Other"))),
                        List.of("duplicate dialog element \"a\"")),
                Arguments.of("no limit on the element count", Dialog.of("T", java.util.stream.IntStream.range(0, 30)
                        .mapToObj(i -> text.withName("n" + i)).toList()), List.of()),
                Arguments.of("all problems in order", Dialog.of("", List.of(text.withName(""), text.withName("")))
                                .withIconUrl("nope"),
                        List.of("invalid dialog title \"\"", "invalid icon url",
                                "\"\" field is not valid: Name cannot be empty",
                                "duplicate dialog element \"\"",
                                "\"\" field is not valid: Name cannot be empty")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialogRules")
    void dialogRule(String rule, Dialog dialog, List<String> expected) {
        assertThat(DialogValidator.problems(dialog)).containsExactlyElementsOf(expected);
    }

    @Test
    void openRequestNeedsUrlAndTriggerIdThenTheDialogs() {
        // given a request with neither URL nor trigger id and an untitled dialog
        OpenDialogRequest request = new OpenDialogRequest("", "", Dialog.of("", null));

        // when / then
        assertThat(DialogValidator.problems(request))
                .containsExactly("empty URL", "empty trigger id", "invalid dialog title \"\"");
        assertThat(DialogValidator.problems(new OpenDialogRequest("t", "https://x.example", Dialog.of("T", null))))
                .isEmpty();
    }

    @Test
    void goErrorIsGoMultierrorTextWithTheElementsNested() {
        // given a request, an untitled dialog and an element with two problems
        DialogElement bad = DialogElement.of("", "a", "bool").withDefaultValue("x");
        OpenDialogRequest request = new OpenDialogRequest("t", "", Dialog.of("", List.of(bad)));

        // when
        String text = DialogValidator.goError(request).orElseThrow();

        // then it is what err.Error() prints in Mattermost's log
        assertThat(text).isEqualTo("3 errors occurred:\n\t* empty URL\n\t* invalid dialog title \"\"\n\t"
                + "* \"a\" field is not valid: 2 errors occurred:\n\t* DisplayName cannot be empty\n\t"
                + "* invalid default of bool\n\n\n\n");
        assertThat(DialogValidator.goError(Dialog.of("", null)))
                .contains("1 error occurred:\n\t* invalid dialog title \"\"\n\n");
        assertThat(DialogValidator.goError(Dialog.of("T", null))).isEmpty();
    }

    private static SubmitDialogResponse response(String error, Map<String, String> errors, String type, Dialog form) {
        return new SubmitDialogResponse(error, errors, type, form);
    }

    static Stream<Arguments> responses() {
        Dialog form = Dialog.of("Step 2", null);
        Dialog badForm = Dialog.of("", null);
        return Stream.of(
                Arguments.of("empty", response("", null, "", null), null, false),
                Arguments.of("ok", response("", null, "ok", null), null, false),
                Arguments.of("navigate", response("", null, "navigate", null), null, false),
                Arguments.of("form with a valid form", response("", null, "form", form), null, false),
                Arguments.of("error wins over a bad type", response("down", null, "bogus", badForm), null, false),
                Arguments.of("errors win over a bad type", response("", Map.of("a", "b"), "ok", form), null, false),
                Arguments.of("empty type with a form", response("", Map.of(), "", form),
                        "form field must be nil for type \"\"", false),
                Arguments.of("ok with a form", response("", null, "ok", form),
                        "form field must be nil for type \"ok\"", false),
                Arguments.of("navigate with a form", response("", null, "navigate", form),
                        "form field must be nil for type \"navigate\"", false),
                Arguments.of("form without a form", response("", null, "form", null),
                        "form field is required for form type", false),
                Arguments.of("form with an invalid form", response("", null, "form", badForm),
                        "invalid form: 1 error occurred:\n\t* invalid dialog title \"\"\n\n", true),
                Arguments.of("unknown type", response("", null, "close", null),
                        "invalid type \"close\", must be one of: empty, ok, form, navigate", false),
                Arguments.of("a type that quotes 'invalid form' is only logged (Mattermost's string test)",
                        response("", null, "invalid form", null),
                        "invalid type \"invalid form\", must be one of: empty, ok, form, navigate", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void submitResponseValidity(String rule, SubmitDialogResponse response, String goError, boolean logOnly) {
        // when
        var problem = DialogValidator.responseProblem(response);

        // then
        if (goError == null) {
            assertThat(problem).isEmpty();
            assertThat(DialogValidator.problems(response)).isEmpty();
        } else {
            assertThat(problem).contains(new ResponseProblem(goError, logOnly));
            assertThat(DialogValidator.problems(response)).isNotEmpty()
                    .allSatisfy(p -> assertThat(DialogValidator.isLogOnly(p)).isEqualTo(logOnly));
        }
    }

    @Test
    void invalidFormProblemsAreListedOneByOneUnderInvalidForm() {
        Dialog badForm = Dialog.of("", List.of(DialogElement.of("X", "x", "nope")));
        assertThat(DialogValidator.problems(response("", null, "form", badForm))).containsExactly(
                "invalid form: invalid dialog title \"\"",
                "invalid form: \"x\" field is not valid: invalid element type: \"nope\"");
    }

    static Stream<Arguments> lookupUrls() {
        return Stream.of(
                Arguments.of("/plugins/p/lookup", true), Arguments.of("/plugins/p/../q", false),
                Arguments.of("/plugins/p//q", false), Arguments.of("/plugins/", true),
                Arguments.of("plugins/p/lookup", false), Arguments.of("https://x.example/l", true),
                Arguments.of("http://localhost:8065/l", true), Arguments.of("ftp://x.example/l", false),
                Arguments.of("https://", false), Arguments.of("", false), Arguments.of(null, false));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("lookupUrls")
    void lookupUrls(String url, boolean valid) {
        assertThat(DialogValidator.isValidLookupUrl(url)).isEqualTo(valid);
    }

    @Test
    void everyElementTypeHasAValidRow() {
        List<String> types = new ArrayList<>();
        elementRules().forEach(a -> {
            DialogElement e = (DialogElement) a.get()[1];
            if (((List<?>) a.get()[2]).isEmpty()) {
                types.add(e.type());
            }
        });
        assertThat(types).contains("text", "textarea", "select", "bool", "radio", "date", "datetime");
    }
}
