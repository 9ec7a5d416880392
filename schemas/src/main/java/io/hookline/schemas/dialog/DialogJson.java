package io.hookline.schemas.dialog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Dialog JSON exactly as Mattermost's Go structs read and write it, which Jackson cannot be configured to do.
 *
 * <p>Decoding is Go's {@code encoding/json} into the typed struct: any value of the wrong type fails the whole body
 * (a string for a bool, a quoted number, a number with a fraction or beyond int64 for an int, a bool for a string);
 * {@code null} leaves a string, bool, int or struct value as it was and makes a slice, map or pointer nil; unknown keys
 * are ignored; key names match case-insensitively (Go's folding); a key given twice decodes into what the first left
 * (strings replaced, objects and maps merged, arrays reused element by element). Not modelled: Go exposing stale
 * elements when one array key appears three times or more with a shorter array in between.
 *
 * <p>Encoding is Go's {@code json.Marshal} of those structs: keys in declaration order, absent values as their zero
 * value, {@code omitempty} keys left out when zero, map keys sorted, strings HTML-safe.
 */
public final class DialogJson {

    private DialogJson() {
    }

    /**
     * The body of {@code POST /actions/dialogs/open}, read as {@code json.NewDecoder(body).Decode}: only the first
     * JSON value is read (what follows it is ignored); an empty body fails ("EOF").
     */
    public static OpenDialogRequest decodeOpenRequest(byte[] body) throws DialogDecodeException {
        GoJsonReader r = new GoJsonReader(body);
        r.checkValid(false);
        MOpen m = new Decoder(r).struct(new MOpen(), MOpen::new, "model.OpenDialogRequest", "OpenDialogRequest",
                OPEN_FIELDS, false);
        return m.freeze();
    }

    /**
     * An integration's answer to a submission, read as Mattermost does: an empty body is the empty response (the
     * caller answers {@code {}}), anything else goes through {@code json.Unmarshal} (nothing may follow the value).
     */
    public static SubmitDialogResponse decodeSubmitResponse(byte[] body) throws DialogDecodeException {
        if (body.length == 0) {
            return SubmitDialogResponse.empty();
        }
        GoJsonReader r = new GoJsonReader(body);
        r.checkValid(true);
        MSubmit m = new Decoder(r).struct(new MSubmit(), MSubmit::new, "model.SubmitDialogResponse",
                "SubmitDialogResponse", SUBMIT_FIELDS, false);
        return m.freeze();
    }

    /** An integration's answer to a lookup: an empty body gives {@code {"items":null}}; else {@code json.Unmarshal}. */
    public static LookupDialogResponse decodeLookupResponse(byte[] body) throws DialogDecodeException {
        if (body.length == 0) {
            return LookupDialogResponse.empty();
        }
        GoJsonReader r = new GoJsonReader(body);
        r.checkValid(true);
        MLookup m = new Decoder(r).struct(new MLookup(), MLookup::new, "model.LookupDialogResponse",
                "LookupDialogResponse", LOOKUP_FIELDS, false);
        return new LookupDialogResponse(m.items == null ? null : m.items.stream().map(MOption::freeze).toList());
    }

    /** Go's JSON of one of this package's records, as UTF-8 bytes. */
    public static byte[] encode(Object value) {
        return write(value).bytes();
    }

    /** Go's JSON of one of this package's records. */
    public static String encodeToString(Object value) {
        return write(value).toString();
    }

    private static GoJsonWriter write(Object value) {
        GoJsonWriter w = new GoJsonWriter();
        if (value instanceof OpenDialogRequest v) {
            open(w, v);
        } else if (value instanceof Dialog v) {
            dialog(w, v);
        } else if (value instanceof DialogElement v) {
            element(w, v);
        } else if (value instanceof DialogOption v) {
            option(w, v);
        } else if (value instanceof DialogDateTimeConfig v) {
            config(w, v);
        } else if (value instanceof SubmitDialogResponse v) {
            submit(w, v);
        } else if (value instanceof LookupDialogResponse v) {
            lookup(w, v);
        } else {
            throw new IllegalArgumentException("not a dialog record: "
                    + (value == null ? "null" : value.getClass().getName()));
        }
        return w;
    }

    // ---- encoding: one method per Go struct, keys in declaration order ----

    private static void open(GoJsonWriter w, OpenDialogRequest r) {
        w.beginObject().key("trigger_id").value(r.triggerId()).key("url").value(r.url()).key("dialog");
        dialog(w, r.dialog());
        w.endObject();
    }

    private static void dialog(GoJsonWriter w, Dialog d) {
        w.beginObject()
                .key("callback_id").value(d.callbackId())
                .key("title").value(d.title())
                .key("introduction_text").value(d.introductionText())
                .key("icon_url").value(d.iconUrl())
                .key("elements");
        if (d.elements() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (DialogElement e : d.elements()) {
                element(w, e);
            }
            w.endArray();
        }
        w.key("submit_label").value(d.submitLabel())
                .key("notify_on_cancel").value(d.notifyOnCancel())
                .key("state").value(d.state());
        if (!d.sourceUrl().isEmpty()) {
            w.key("source_url").value(d.sourceUrl());
        }
        w.endObject();
    }

    private static void element(GoJsonWriter w, DialogElement e) {
        w.beginObject()
                .key("display_name").value(e.displayName())
                .key("name").value(e.name())
                .key("type").value(e.type())
                .key("subtype").value(e.subtype())
                .key("default").value(e.defaultValue())
                .key("placeholder").value(e.placeholder())
                .key("help_text").value(e.helpText())
                .key("optional").value(e.optional())
                .key("min_length").value(e.minLength())
                .key("max_length").value(e.maxLength())
                .key("data_source").value(e.dataSource());
        if (!e.dataSourceUrl().isEmpty()) {
            w.key("data_source_url").value(e.dataSourceUrl());
        }
        w.key("options");
        if (e.options() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (DialogOption o : e.options()) {
                if (o == null) {
                    w.nullValue();
                } else {
                    option(w, o);
                }
            }
            w.endArray();
        }
        w.key("multiselect").value(e.multiselect());
        if (e.refresh()) {
            w.key("refresh").value(true);
        }
        if (e.datetimeConfig() != null) {
            w.key("datetime_config");
            config(w, e.datetimeConfig());
        }
        if (!e.minDate().isEmpty()) {
            w.key("min_date").value(e.minDate());
        }
        if (!e.maxDate().isEmpty()) {
            w.key("max_date").value(e.maxDate());
        }
        if (e.timeInterval() != 0) {
            w.key("time_interval").value(e.timeInterval());
        }
        w.endObject();
    }

    private static void option(GoJsonWriter w, DialogOption o) {
        w.beginObject().key("text").value(o.text()).key("value").value(o.value()).endObject();
    }

    private static void config(GoJsonWriter w, DialogDateTimeConfig c) {
        w.beginObject();
        if (c.timeInterval() != 0) {
            w.key("time_interval").value(c.timeInterval());
        }
        if (!c.locationTimezone().isEmpty()) {
            w.key("location_timezone").value(c.locationTimezone());
        }
        if (c.allowManualTimeEntry()) {
            w.key("allow_manual_time_entry").value(true);
        }
        w.endObject();
    }

    private static void submit(GoJsonWriter w, SubmitDialogResponse r) {
        w.beginObject();
        if (!r.error().isEmpty()) {
            w.key("error").value(r.error());
        }
        if (!r.errors().isEmpty()) {
            w.key("errors").value(r.errors());
        }
        if (!r.type().isEmpty()) {
            w.key("type").value(r.type());
        }
        if (r.form() != null) {
            w.key("form");
            dialog(w, r.form());
        }
        w.endObject();
    }

    private static void lookup(GoJsonWriter w, LookupDialogResponse r) {
        w.beginObject().key("items");
        if (r.items() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (DialogOption o : r.items()) {
                option(w, o);
            }
            w.endArray();
        }
        w.endObject();
    }

    // ---- decoding: mutable mirrors of the Go structs, so that repeated keys merge as in Go ----

    /** Decodes one field of a struct into its mirror. */
    private interface Field<T> {
        void decode(Decoder d, T target) throws DialogDecodeException;
    }

    /** Decodes one element of a slice, given what the slice held at that index (null if nothing). */
    private interface Element<E> {
        E decode(Decoder d, E existing) throws DialogDecodeException;
    }

    static final class MOption {
        String text = "";
        String value = "";

        DialogOption freeze() {
            return new DialogOption(text, value);
        }
    }

    static final class MConfig {
        long timeInterval;
        String locationTimezone = "";
        boolean allowManualTimeEntry;

        DialogDateTimeConfig freeze() {
            return new DialogDateTimeConfig(timeInterval, locationTimezone, allowManualTimeEntry);
        }
    }

    static final class MElement {
        String displayName = "";
        String name = "";
        String type = "";
        String subtype = "";
        String defaultValue = "";
        String placeholder = "";
        String helpText = "";
        boolean optional;
        long minLength;
        long maxLength;
        String dataSource = "";
        String dataSourceUrl = "";
        List<MOption> options;
        boolean multiselect;
        boolean refresh;
        MConfig datetimeConfig;
        String minDate = "";
        String maxDate = "";
        long timeInterval;

        DialogElement freeze() {
            List<DialogOption> opts = null;
            if (options != null) {
                opts = new ArrayList<>();
                for (MOption o : options) {
                    opts.add(o == null ? null : o.freeze());
                }
            }
            return new DialogElement(displayName, name, type, subtype, defaultValue, placeholder, helpText, optional,
                    minLength, maxLength, dataSource, dataSourceUrl, opts, multiselect, refresh,
                    datetimeConfig == null ? null : datetimeConfig.freeze(), minDate, maxDate, timeInterval);
        }
    }

    static final class MDialog {
        String callbackId = "";
        String title = "";
        String introductionText = "";
        String iconUrl = "";
        List<MElement> elements;
        String submitLabel = "";
        boolean notifyOnCancel;
        String state = "";
        String sourceUrl = "";

        Dialog freeze() {
            return new Dialog(callbackId, title, introductionText, iconUrl,
                    elements == null ? null : elements.stream().map(MElement::freeze).toList(), submitLabel,
                    notifyOnCancel, state, sourceUrl);
        }
    }

    static final class MOpen {
        String triggerId = "";
        String url = "";
        MDialog dialog = new MDialog();

        OpenDialogRequest freeze() {
            return new OpenDialogRequest(triggerId, url, dialog.freeze());
        }
    }

    static final class MSubmit {
        String error = "";
        Map<String, String> errors;
        String type = "";
        MDialog form;

        SubmitDialogResponse freeze() {
            return new SubmitDialogResponse(error, errors, type, form == null ? null : form.freeze());
        }
    }

    static final class MLookup {
        List<MOption> items;
    }

    private static <T> Map<String, Field<T>> fields(Object... nameThenField) {
        Map<String, Field<T>> m = new HashMap<>();
        for (int i = 0; i < nameThenField.length; i += 2) {
            @SuppressWarnings("unchecked")
            Field<T> f = (Field<T>) nameThenField[i + 1];
            m.put(fold((String) nameThenField[i]), f);
        }
        return m;
    }

    private static final Map<String, Field<MOption>> ELEMENT_OPTION_FIELDS = fields(
            "text", (Field<MOption>) (d, o) -> o.text = d.string(o.text),
            "value", (Field<MOption>) (d, o) -> o.value = d.string(o.value));

    private static final Map<String, Field<MConfig>> CONFIG_FIELDS = fields(
            "time_interval", (Field<MConfig>) (d, c) -> c.timeInterval = d.integer(c.timeInterval),
            "location_timezone", (Field<MConfig>) (d, c) -> c.locationTimezone = d.string(c.locationTimezone),
            "allow_manual_time_entry",
            (Field<MConfig>) (d, c) -> c.allowManualTimeEntry = d.bool(c.allowManualTimeEntry));

    private static final Element<MOption> OPTION_POINTER = (d, existing) -> d.struct(existing, MOption::new,
            "model.PostActionOptions", "PostActionOptions", ELEMENT_OPTION_FIELDS, true);

    private static final Map<String, Field<MElement>> ELEMENT_FIELDS = fields(
            "display_name", (Field<MElement>) (d, e) -> e.displayName = d.string(e.displayName),
            "name", (Field<MElement>) (d, e) -> e.name = d.string(e.name),
            "type", (Field<MElement>) (d, e) -> e.type = d.string(e.type),
            "subtype", (Field<MElement>) (d, e) -> e.subtype = d.string(e.subtype),
            "default", (Field<MElement>) (d, e) -> e.defaultValue = d.string(e.defaultValue),
            "placeholder", (Field<MElement>) (d, e) -> e.placeholder = d.string(e.placeholder),
            "help_text", (Field<MElement>) (d, e) -> e.helpText = d.string(e.helpText),
            "optional", (Field<MElement>) (d, e) -> e.optional = d.bool(e.optional),
            "min_length", (Field<MElement>) (d, e) -> e.minLength = d.integer(e.minLength),
            "max_length", (Field<MElement>) (d, e) -> e.maxLength = d.integer(e.maxLength),
            "data_source", (Field<MElement>) (d, e) -> e.dataSource = d.string(e.dataSource),
            "data_source_url", (Field<MElement>) (d, e) -> e.dataSourceUrl = d.string(e.dataSourceUrl),
            "options", (Field<MElement>) (d, e) -> e.options = d.slice(e.options, OPTION_POINTER,
                    "[]*model.PostActionOptions"),
            "multiselect", (Field<MElement>) (d, e) -> e.multiselect = d.bool(e.multiselect),
            "refresh", (Field<MElement>) (d, e) -> e.refresh = d.bool(e.refresh),
            "datetime_config", (Field<MElement>) (d, e) -> e.datetimeConfig = d.struct(e.datetimeConfig,
                    MConfig::new, "model.DialogDateTimeConfig", "DialogDateTimeConfig", CONFIG_FIELDS, true),
            "min_date", (Field<MElement>) (d, e) -> e.minDate = d.string(e.minDate),
            "max_date", (Field<MElement>) (d, e) -> e.maxDate = d.string(e.maxDate),
            "time_interval", (Field<MElement>) (d, e) -> e.timeInterval = d.integer(e.timeInterval));

    private static final Element<MElement> ELEMENT_VALUE = (d, existing) -> d.struct(
            existing == null ? new MElement() : existing, MElement::new, "model.DialogElement", "DialogElement",
            ELEMENT_FIELDS, false);

    private static final Map<String, Field<MDialog>> DIALOG_FIELDS = fields(
            "callback_id", (Field<MDialog>) (d, g) -> g.callbackId = d.string(g.callbackId),
            "title", (Field<MDialog>) (d, g) -> g.title = d.string(g.title),
            "introduction_text", (Field<MDialog>) (d, g) -> g.introductionText = d.string(g.introductionText),
            "icon_url", (Field<MDialog>) (d, g) -> g.iconUrl = d.string(g.iconUrl),
            "elements", (Field<MDialog>) (d, g) -> g.elements = d.slice(g.elements, ELEMENT_VALUE,
                    "[]model.DialogElement"),
            "submit_label", (Field<MDialog>) (d, g) -> g.submitLabel = d.string(g.submitLabel),
            "notify_on_cancel", (Field<MDialog>) (d, g) -> g.notifyOnCancel = d.bool(g.notifyOnCancel),
            "state", (Field<MDialog>) (d, g) -> g.state = d.string(g.state),
            "source_url", (Field<MDialog>) (d, g) -> g.sourceUrl = d.string(g.sourceUrl));

    private static final Map<String, Field<MOpen>> OPEN_FIELDS = fields(
            "trigger_id", (Field<MOpen>) (d, o) -> o.triggerId = d.string(o.triggerId),
            "url", (Field<MOpen>) (d, o) -> o.url = d.string(o.url),
            "dialog", (Field<MOpen>) (d, o) -> o.dialog = d.struct(o.dialog, MDialog::new, "model.Dialog", "Dialog",
                    DIALOG_FIELDS, false));

    private static final Map<String, Field<MSubmit>> SUBMIT_FIELDS = fields(
            "error", (Field<MSubmit>) (d, s) -> s.error = d.string(s.error),
            "errors", (Field<MSubmit>) (d, s) -> s.errors = d.stringMap(s.errors),
            "type", (Field<MSubmit>) (d, s) -> s.type = d.string(s.type),
            "form", (Field<MSubmit>) (d, s) -> s.form = d.struct(s.form, MDialog::new, "model.Dialog", "Dialog",
                    DIALOG_FIELDS, true));

    private static final Map<String, Field<MOption>> LOOKUP_OPTION_FIELDS = fields(
            "text", (Field<MOption>) (d, o) -> o.text = d.string(o.text),
            "value", (Field<MOption>) (d, o) -> o.value = d.string(o.value));

    private static final Element<MOption> LOOKUP_ITEM = (d, existing) -> d.struct(
            existing == null ? new MOption() : existing, MOption::new, "model.DialogSelectOption",
            "DialogSelectOption", LOOKUP_OPTION_FIELDS, false);

    private static final Map<String, Field<MLookup>> LOOKUP_FIELDS = fields(
            "items", (Field<MLookup>) (d, l) -> l.items = d.slice(l.items, LOOKUP_ITEM, "[]model.DialogSelectOption"));

    /** Go's {@code foldName}: ASCII letters upper-cased, other runes through lower then upper case. */
    static String fold(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if (cp < 0x80) {
                out.append((char) (cp >= 'a' && cp <= 'z' ? cp - 32 : cp));
            } else {
                out.appendCodePoint(Character.toUpperCase(Character.toLowerCase(cp)));
            }
        });
        return out.toString();
    }

    /** One decoding pass, with Go's error context: the struct being filled and the path of field names. */
    private static final class Decoder {
        private final GoJsonReader r;
        private String struct;
        private final List<String> path = new ArrayList<>();

        Decoder(GoJsonReader r) {
            this.r = r;
        }

        String string(String current) throws DialogDecodeException {
            String kind = r.kind();
            return switch (kind) {
                case "string" -> r.readString();
                case "null" -> {
                    r.skipNull();
                    yield current;
                }
                default -> throw typeError(kind, "string");
            };
        }

        boolean bool(boolean current) throws DialogDecodeException {
            String kind = r.kind();
            return switch (kind) {
                case "bool" -> r.readBool();
                case "null" -> {
                    r.skipNull();
                    yield current;
                }
                default -> throw typeError(kind, "bool");
            };
        }

        /** Go's {@code int} (64 bits): {@code strconv.ParseInt(text, 10, 64)} must accept the number as written. */
        long integer(long current) throws DialogDecodeException {
            String kind = r.kind();
            switch (kind) {
                case "number" -> {
                    String text = r.readNumber();
                    try {
                        return Long.parseLong(text);
                    } catch (NumberFormatException e) {
                        throw typeError("number " + GoJsonReader.shortNumber(text), "int");
                    }
                }
                case "null" -> {
                    r.skipNull();
                    return current;
                }
                default -> throw typeError(kind, "int");
            }
        }

        /**
         * A struct: a value ({@code pointer} false; null leaves it as it is) or a pointer ({@code pointer} true; null
         * makes it nil, an object fills the one already there or a new one).
         */
        <T> T struct(T current, Supplier<T> make, String goType, String name, Map<String, Field<T>> fields,
                     boolean pointer) throws DialogDecodeException {
            String kind = r.kind();
            if (kind.equals("null")) {
                r.skipNull();
                return pointer ? null : current;
            }
            if (!kind.equals("object")) {
                throw typeError(kind, goType);
            }
            T target = current == null ? make.get() : current;
            String outerStruct = struct;
            int outerDepth = path.size();
            r.beginObject();
            for (String key = r.nextKey(); key != null; key = r.nextKey()) {
                Field<T> field = fields.get(fold(key));
                if (field == null) {
                    r.skipValue();
                    continue;
                }
                path.add(fieldName(fields, field));
                struct = name;
                field.decode(this, target);
                path.subList(outerDepth, path.size()).clear();
                struct = outerStruct;
            }
            return target;
        }

        /** A slice: null makes it nil; an array reuses the elements already there by index, then truncates. */
        <E> List<E> slice(List<E> current, Element<E> element, String goType) throws DialogDecodeException {
            String kind = r.kind();
            if (kind.equals("null")) {
                r.skipNull();
                return null;
            }
            if (!kind.equals("array")) {
                throw typeError(kind, goType);
            }
            List<E> out = new ArrayList<>();
            r.beginArray();
            while (r.nextElement()) {
                int i = out.size();
                out.add(element.decode(this, current != null && i < current.size() ? current.get(i) : null));
            }
            return out;
        }

        /** A {@code map[string]string}: null makes it nil; an object adds to the map already there. */
        Map<String, String> stringMap(Map<String, String> current) throws DialogDecodeException {
            String kind = r.kind();
            if (kind.equals("null")) {
                r.skipNull();
                return null;
            }
            if (!kind.equals("object")) {
                throw typeError(kind, "map[string]string");
            }
            Map<String, String> map = current == null ? new LinkedHashMap<>() : current;
            r.beginObject();
            for (String key = r.nextKey(); key != null; key = r.nextKey()) {
                // each value is decoded into a fresh zero string, so null stores ""
                map.put(key, string(""));
            }
            return map;
        }

        private DialogDecodeException typeError(String value, String goType) {
            String where = path.isEmpty() ? "Go value" : "Go struct field " + struct + "." + String.join(".", path);
            return new DialogDecodeException("json: cannot unmarshal " + value + " into " + where + " of type "
                    + goType);
        }

        private static <T> String fieldName(Map<String, Field<T>> fields, Field<T> field) {
            for (Map.Entry<String, Field<T>> e : fields.entrySet()) {
                if (e.getValue() == field) {
                    return e.getKey().toLowerCase(java.util.Locale.ROOT);
                }
            }
            throw new IllegalStateException("unknown field");
        }
    }
}
