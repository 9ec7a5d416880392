package io.hookline.schemas.dialog;

import static io.hookline.schemas.dialog.DialogRules.*;

import io.hookline.schemas.hook.CallbackUrl;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Mattermost's dialog validation (v11.6 {@code OpenDialogRequest.IsValid}, {@code Dialog.IsValid},
 * {@code DialogElement.IsValid}, {@code SubmitDialogResponse.IsValid}, {@code IsValidLookupURL}).
 *
 * <p>Mattermost collects every problem into a go-multierror (it never stops at the first), so the lists here hold all
 * of them, in Mattermost's order. An element's problems are wrapped by Mattermost into one error
 * {@code "<name>" field is not valid: <its multierror>}; the lists flatten that into one entry per problem, each with
 * the {@code "<name>" field is not valid: } prefix. The {@code goError} methods give instead the single text Go's
 * {@code err.Error()} prints, nested multierror format included, for logs and {@code detailed_error}.
 */
public final class DialogValidator {

    private DialogValidator() {
    }

    /** Every problem of the request: {@code empty URL}, {@code empty trigger id}, then the dialog's. */
    public static List<String> problems(OpenDialogRequest request) {
        return flatten(entries(request));
    }

    /** Every problem of the dialog, in Mattermost's order; empty when it is valid. */
    public static List<String> problems(Dialog dialog) {
        return flatten(entries(dialog));
    }

    /**
     * The problem of a submit response, as a list of at most one entry, or for an invalid {@code form} one entry per
     * problem of the form, each prefixed {@code invalid form: } (those are log-only, see {@link #isLogOnly}).
     */
    public static List<String> problems(SubmitDialogResponse response) {
        Objects.requireNonNull(response, "response");
        String problem = responseEntry(response);
        if (problem == null) {
            return List.of();
        }
        if (problem.equals(INVALID_FORM)) {
            List<String> out = new ArrayList<>();
            for (String p : problems(response.form())) {
                out.add(INVALID_FORM + ": " + p);
            }
            return out;
        }
        return List.of(problem);
    }

    /** Mattermost's verdict on a submit response: empty when valid, else Go's error text and whether it is log-only. */
    public static Optional<ResponseProblem> responseProblem(SubmitDialogResponse response) {
        return goError(response).map(text -> new ResponseProblem(text, isLogOnly(text)));
    }

    /** Mattermost only logs a response problem whose text contains "invalid form" (even inside a quoted type). */
    public static boolean isLogOnly(String problem) {
        return problem.contains(INVALID_FORM);
    }

    /** Go's {@code OpenDialogRequest.IsValid().Error()}; empty when valid. */
    public static Optional<String> goError(OpenDialogRequest request) {
        return goText(entries(request));
    }

    /** Go's {@code Dialog.IsValid().Error()}; empty when valid. */
    public static Optional<String> goError(Dialog dialog) {
        return goText(entries(dialog));
    }

    /** Go's {@code SubmitDialogResponse.IsValid().Error()}; empty when valid. */
    public static Optional<String> goError(SubmitDialogResponse response) {
        String problem = responseEntry(response);
        if (problem == null) {
            return Optional.empty();
        }
        if (problem.equals(INVALID_FORM)) {
            return Optional.of(INVALID_FORM + ": " + goError(response.form()).orElseThrow());
        }
        return Optional.of(problem);
    }

    /**
     * Mattermost's {@code IsValidLookupURL}: non-empty and either a {@code /plugins/} path without {@code ..} or
     * {@code //}, or an http(s) URL ({@code IsValidHTTPURL}; plain http is accepted).
     */
    public static boolean isValidLookupUrl(String url) {
        if (url == null || url.isEmpty()) {
            return false;
        }
        if (url.startsWith("/plugins/")) {
            return !url.contains("..") && !url.contains("//");
        }
        return CallbackUrl.isValid(url);
    }

    /** One entry of a multierror: a plain message, or an element's problems under its wrap prefix. */
    private record Entry(String message, String wrap, List<String> wrapped) {
        static Entry of(String message) {
            return new Entry(message, null, List.of());
        }
    }

    private static List<Entry> entries(OpenDialogRequest request) {
        Objects.requireNonNull(request, "request");
        List<Entry> out = new ArrayList<>();
        if (request.url().isEmpty()) {
            out.add(Entry.of(EMPTY_URL));
        }
        if (request.triggerId().isEmpty()) {
            out.add(Entry.of(EMPTY_TRIGGER_ID));
        }
        // go-multierror flattens the dialog's multierror into the request's
        out.addAll(entries(request.dialog()));
        return out;
    }

    private static List<Entry> entries(Dialog dialog) {
        Objects.requireNonNull(dialog, "dialog");
        List<Entry> out = new ArrayList<>();
        if (dialog.title().isEmpty() || GoText.bytes(dialog.title()) > TITLE_MAX) {
            out.add(Entry.of(invalidTitle(dialog.title())));
        }
        if (!dialog.iconUrl().isEmpty() && !CallbackUrl.isValid(dialog.iconUrl())) {
            out.add(Entry.of(INVALID_ICON_URL));
        }
        if (dialog.elements() != null) {
            Set<String> seen = new HashSet<>();
            for (DialogElement element : dialog.elements()) {
                if (!seen.add(element.name())) {
                    out.add(Entry.of(duplicateElement(element.name())));
                }
                List<String> problems = elementProblems(element);
                if (!problems.isEmpty()) {
                    out.add(new Entry(null, elementNotValid(element.name()), problems));
                }
            }
        }
        return out;
    }

    /** {@code DialogElement.IsValid}: the common rules, then the rules of its type. */
    static List<String> elementProblems(DialogElement e) {
        List<String> p = new ArrayList<>();
        if (e.minLength() < 0) {
            p.add(negativeMinLength(e.minLength()));
        }
        if (e.minLength() > e.maxLength()) {
            p.add(minAboveMax(e.minLength(), e.maxLength()));
        }
        checkMaxLength(p, DISPLAY_NAME, e.displayName(), DISPLAY_NAME_MAX);
        checkMaxLength(p, NAME, e.name(), NAME_MAX);
        checkMaxLength(p, HELP_TEXT, e.helpText(), HELP_TEXT_MAX);
        if (e.multiselect() && !e.type().equals("select")) {
            p.add(multiselectNotSelect(e.type()));
        }
        switch (e.type()) {
            case "text" -> {
                checkMaxLength(p, DEFAULT, e.defaultValue(), TEXT_MAX);
                checkMaxLength(p, PLACEHOLDER, e.placeholder(), TEXT_MAX);
                checkSubtype(p, e);
            }
            case "textarea" -> {
                checkMaxLength(p, DEFAULT, e.defaultValue(), TEXTAREA_MAX);
                checkMaxLength(p, PLACEHOLDER, e.placeholder(), TEXTAREA_MAX);
                checkSubtype(p, e);
            }
            case "select" -> {
                checkMaxLength(p, DEFAULT, e.defaultValue(), SELECT_MAX);
                checkMaxLength(p, PLACEHOLDER, e.placeholder(), SELECT_MAX);
                checkSelectSource(p, e);
            }
            case "bool" -> {
                String d = e.defaultValue();
                if (!d.isEmpty() && !d.equals("true") && !d.equals("false")) {
                    p.add(INVALID_BOOL_DEFAULT);
                }
                checkMaxLength(p, PLACEHOLDER, e.placeholder(), BOOL_MAX);
            }
            case "radio" -> {
                if (!isDefaultInOptions(e.defaultValue(), e.options())) {
                    p.add(defaultNotInOptions(e.defaultValue()));
                }
            }
            case "date" -> {
                checkMaxLength(p, DEFAULT, e.defaultValue(), TEXT_MAX);
                checkMaxLength(p, PLACEHOLDER, e.placeholder(), TEXT_MAX);
                addIfProblem(p, dateProblem(e.defaultValue()));
                addIfProblem(p, dateProblem(e.minDate()));
                addIfProblem(p, dateProblem(e.maxDate()));
            }
            case "datetime" -> {
                checkMaxLength(p, DEFAULT, e.defaultValue(), TEXT_MAX);
                checkMaxLength(p, PLACEHOLDER, e.placeholder(), TEXT_MAX);
                addIfProblem(p, datetimeProblem(e.defaultValue()));
                addIfProblem(p, dateProblem(e.minDate()));
                addIfProblem(p, dateProblem(e.maxDate()));
                // v11.6 checks only the top-level time_interval, not datetime_config.time_interval
                long interval = e.timeInterval();
                if (interval == 0) {
                    p.add(timeIntervalZero());
                } else if (interval < 1 || interval > MINUTES_PER_DAY) {
                    p.add(timeIntervalRange(interval));
                } else if (MINUTES_PER_DAY % interval != 0) {
                    p.add(timeIntervalDivisor(interval));
                }
            }
            default -> p.add(invalidElementType(e.type()));
        }
        return p;
    }

    private static void checkSubtype(List<String> p, DialogElement e) {
        switch (e.subtype()) {
            case "", "text", "email", "number", "tel", "url", "password" -> {
            }
            default -> p.add(invalidSubtype(e.type()));
        }
    }

    private static void checkSelectSource(List<String> p, DialogElement e) {
        String source = e.dataSource();
        switch (source) {
            case "", "users", "channels", "dynamic" -> {
            }
            default -> p.add(invalidDataSource(source));
        }
        if (source.equals("dynamic")) {
            if (e.dataSourceUrl().isEmpty()) {
                p.add(DYNAMIC_NEEDS_URL);
            } else if (!isValidLookupUrl(e.dataSourceUrl())) {
                p.add(DYNAMIC_BAD_URL);
            }
            if (e.options() != null && !e.options().isEmpty()) {
                p.add(DYNAMIC_WITH_OPTIONS);
            }
        } else if (source.isEmpty()) {
            if (e.multiselect()) {
                if (!isMultiselectDefaultInOptions(e.defaultValue(), e.options())) {
                    p.add(multiselectDefaultNotInOptions(e.defaultValue()));
                }
            } else if (!isDefaultInOptions(e.defaultValue(), e.options())) {
                p.add(defaultNotInOptions(e.defaultValue()));
            }
        }
    }

    private static boolean isDefaultInOptions(String defaultValue, List<DialogOption> options) {
        return defaultValue.isEmpty() || hasValue(options, defaultValue);
    }

    /** All spaces removed, then every non-empty comma-separated item must be an option value. */
    private static boolean isMultiselectDefaultInOptions(String defaultValue, List<DialogOption> options) {
        if (defaultValue.isEmpty()) {
            return true;
        }
        for (String value : defaultValue.replace(" ", "").split(",", -1)) {
            if (!value.isEmpty() && !hasValue(options, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasValue(List<DialogOption> options, String value) {
        if (options != null) {
            for (DialogOption o : options) {
                if (o != null && o.value().equals(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Mattermost's {@code validateDateFormat}; null when fine. */
    static String dateProblem(String value) {
        if (value.isEmpty() || GoTime.isRelative(value) || GoTime.parses(GoTime.Layout.DATE, value)) {
            return null;
        }
        for (GoTime.Layout layout : GoTime.DATETIME_LAYOUTS) {
            if (GoTime.parses(layout, value)) {
                // the parsed time keeps the written date, so its date portion is the first ten characters
                return dateGotDatetime(value, value.substring(0, 10));
            }
        }
        return invalidDate(value);
    }

    /** Mattermost's {@code validateDateTimeFormat}; null when fine. */
    static String datetimeProblem(String value) {
        if (value.isEmpty() || GoTime.isRelative(value)) {
            return null;
        }
        for (GoTime.Layout layout : GoTime.DATETIME_LAYOUTS) {
            if (GoTime.parses(layout, value)) {
                return null;
            }
        }
        return invalidDatetime(value);
    }

    private static void checkMaxLength(List<String> p, String field, String value, int max) {
        int bytes = GoText.bytes(value);
        if ((field.equals(DISPLAY_NAME) || field.equals(NAME)) && bytes == 0) {
            p.add(cannotBeEmpty(field));
        }
        if (bytes > max) {
            p.add(tooLong(field, max, bytes));
        }
    }

    private static void addIfProblem(List<String> p, String problem) {
        if (problem != null) {
            p.add(problem);
        }
    }

    /** The one error of {@code SubmitDialogResponse.IsValid}, or {@link DialogRules#INVALID_FORM} as a marker. */
    private static String responseEntry(SubmitDialogResponse r) {
        if (!r.error().isEmpty() || !r.errors().isEmpty()) {
            return null;
        }
        switch (r.type()) {
            case SubmitDialogResponse.TYPE_EMPTY, SubmitDialogResponse.TYPE_OK, SubmitDialogResponse.TYPE_NAVIGATE -> {
                return r.form() == null ? null : formMustBeNil(r.type());
            }
            case SubmitDialogResponse.TYPE_FORM -> {
                if (r.form() == null) {
                    return FORM_REQUIRED;
                }
                return entries(r.form()).isEmpty() ? null : INVALID_FORM;
            }
            default -> {
                return invalidResponseType(r.type());
            }
        }
    }

    private static List<String> flatten(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.wrap() == null) {
                out.add(e.message());
            } else {
                for (String w : e.wrapped()) {
                    out.add(e.wrap() + ": " + w);
                }
            }
        }
        return out;
    }

    private static Optional<String> goText(List<Entry> entries) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<String> texts = new ArrayList<>();
        for (Entry e : entries) {
            texts.add(e.wrap() == null ? e.message() : e.wrap() + ": " + GoText.multierror(e.wrapped()));
        }
        return Optional.of(GoText.multierror(texts));
    }
}
