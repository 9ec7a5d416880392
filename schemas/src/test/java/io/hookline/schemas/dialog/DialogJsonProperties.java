package io.hookline.schemas.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import io.hookline.schemas.serde.Json;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DialogJsonProperties {

    /** Text with the characters Go escapes (HTML, line separators, controls) and multi-byte ones. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~')
                .withChars('<', '>', '&', '\u2028', '\u2029', '\n', '\t', '\u0001', '\u007f', '\u00e9', '\u65e5')
                .ofMaxLength(12);
    }

    private static Arbitrary<DialogOption> option() {
        return Builders.withBuilder(() -> new DialogOption("", ""))
                .use(text()).in((o, t) -> new DialogOption(t, o.value()))
                .use(text()).in((o, v) -> new DialogOption(o.text(), v))
                .build();
    }

    private static Arbitrary<DialogElement> element() {
        Arbitrary<Long> ints = Arbitraries.longs().between(Long.MIN_VALUE, Long.MAX_VALUE);
        Arbitrary<List<DialogOption>> options = option().injectNull(0.1).list().ofMaxSize(3).injectNull(0.3);
        Arbitrary<DialogDateTimeConfig> config = Arbitraries.of(true, false).flatMap(manual -> text()
                .map(tz -> new DialogDateTimeConfig(tz.length(), tz, manual))).injectNull(0.5);
        return Builders.withBuilder(() -> DialogElement.of("", "", ""))
                .use(text()).in(DialogElement::withDisplayName)
                .use(text()).in(DialogElement::withName)
                .use(Arbitraries.of("text", "textarea", "select", "bool", "radio", "date", "datetime", "x"))
                .in(DialogElement::withType)
                .use(text()).in(DialogElement::withSubtype)
                .use(text()).in(DialogElement::withDefaultValue)
                .use(text()).in(DialogElement::withPlaceholder)
                .use(Arbitraries.of(true, false)).in(DialogElement::withOptional)
                .use(ints).in(DialogElement::withMinLength)
                .use(ints).in(DialogElement::withMaxLength)
                .use(text()).in(DialogElement::withDataSourceUrl)
                .use(options).in(DialogElement::withOptions)
                .use(Arbitraries.of(true, false)).in(DialogElement::withRefresh)
                .use(config).in(DialogElement::withDatetimeConfig)
                .use(text()).in(DialogElement::withMinDate)
                .use(ints).in(DialogElement::withTimeInterval)
                .build();
    }

    @Provide
    Arbitrary<Dialog> dialogs() {
        return Builders.withBuilder(Dialog::empty)
                .use(text()).in(Dialog::withTitle)
                .use(text()).in(Dialog::withState)
                .use(text()).in(Dialog::withSourceUrl)
                .use(Arbitraries.of(true, false)).in(Dialog::withNotifyOnCancel)
                .use(element().list().ofMaxSize(3).injectNull(0.3)).in(Dialog::withElements)
                .build();
    }

    @Property(tries = 300)
    void goJsonReadsBackWhatItWrote(@ForAll("dialogs") Dialog dialog) throws Exception {
        OpenDialogRequest request = new OpenDialogRequest("t", "u", dialog);
        assertThat(DialogJson.decodeOpenRequest(DialogJson.encode(request))).isEqualTo(request);
        SubmitDialogResponse response = new SubmitDialogResponse("", Map.of(dialog.title(), dialog.state()), "form",
                dialog);
        assertThat(DialogJson.decodeSubmitResponse(DialogJson.encode(response))).isEqualTo(response);
    }

    @Property(tries = 300)
    void goJsonIsAsciiSafeForHtmlAndTheSharedMapperAgreesOnTheTree(@ForAll("dialogs") Dialog dialog)
            throws Exception {
        String go = DialogJson.encodeToString(dialog);
        assertThat(go).doesNotContain("<", ">", "&", "\u2028", "\u2029");
        assertThat(Json.mapper().readTree(Json.mapper().writeValueAsString(dialog)))
                .isEqualTo(Json.mapper().readTree(go));
    }

    @Property(tries = 300)
    void validationNeverThrowsAndWrapsEveryElementProblem(@ForAll("dialogs") Dialog dialog) {
        List<String> problems = DialogValidator.problems(dialog);
        int elementProblems = dialog.elements() == null ? 0 : dialog.elements().stream()
                .mapToInt(e -> DialogValidator.elementProblems(e).size()).sum();
        // texts are at most 12 characters, so no quoted value can itself contain the wrap text
        assertThat(problems.stream().filter(p -> p.contains(" field is not valid: "))).hasSize(elementProblems);
        assertThat(DialogValidator.goError(dialog).isPresent()).isEqualTo(!problems.isEmpty());
    }
}
