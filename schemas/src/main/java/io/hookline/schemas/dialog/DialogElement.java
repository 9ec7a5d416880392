package io.hookline.schemas.dialog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * One field of an interactive dialog: Mattermost's {@code DialogElement} (v11.6), keys in Go's declaration order.
 * Strings are never null (Go's zero value is ""). {@code options} is null for Go's nil slice (written {@code null}),
 * empty for {@code []}; an option may itself be null ({@code [null]} is kept, as Go keeps a nil pointer). Ints are
 * {@code long} because Go's {@code int} is 64 bits. Omitted when zero, as Go's {@code omitempty}:
 * {@code data_source_url}, {@code refresh}, {@code datetime_config}, {@code min_date}, {@code max_date},
 * {@code time_interval}.
 */
@JsonInclude(Include.ALWAYS)
@JsonPropertyOrder({"display_name", "name", "type", "subtype", "default", "placeholder", "help_text", "optional",
        "min_length", "max_length", "data_source", "data_source_url", "options", "multiselect", "refresh",
        "datetime_config", "min_date", "max_date", "time_interval"})
public record DialogElement(
        String displayName,
        String name,
        String type,
        String subtype,
        @JsonProperty("default") String defaultValue,
        String placeholder,
        String helpText,
        boolean optional,
        long minLength,
        long maxLength,
        String dataSource,
        @JsonInclude(Include.NON_DEFAULT) String dataSourceUrl,
        List<DialogOption> options,
        boolean multiselect,
        @JsonInclude(Include.NON_DEFAULT) boolean refresh,
        @JsonInclude(Include.NON_NULL) DialogDateTimeConfig datetimeConfig,
        @JsonInclude(Include.NON_DEFAULT) String minDate,
        @JsonInclude(Include.NON_DEFAULT) String maxDate,
        @JsonInclude(Include.NON_DEFAULT) long timeInterval) {

    public DialogElement {
        displayName = orEmpty(displayName);
        name = orEmpty(name);
        type = orEmpty(type);
        subtype = orEmpty(subtype);
        defaultValue = orEmpty(defaultValue);
        placeholder = orEmpty(placeholder);
        helpText = orEmpty(helpText);
        dataSource = orEmpty(dataSource);
        dataSourceUrl = orEmpty(dataSourceUrl);
        // null entries are allowed (Go's nil *PostActionOptions), so List.copyOf cannot be used
        options = options == null ? null : Collections.unmodifiableList(new ArrayList<>(options));
        minDate = orEmpty(minDate);
        maxDate = orEmpty(maxDate);
    }

    /** An element with only its display name, name and type set; everything else zero. */
    public static DialogElement of(String displayName, String name, String type) {
        return new DialogElement(displayName, name, type, "", "", "", "", false, 0, 0, "", "", null, false, false,
                null, "", "", 0);
    }

    // Copies with one field changed, so that callers and tests do not repeat 19 positional arguments.

    public DialogElement withDisplayName(String v) {
        return edit(c -> c.displayName = v);
    }

    public DialogElement withName(String v) {
        return edit(c -> c.name = v);
    }

    public DialogElement withType(String v) {
        return edit(c -> c.type = v);
    }

    public DialogElement withSubtype(String v) {
        return edit(c -> c.subtype = v);
    }

    public DialogElement withDefaultValue(String v) {
        return edit(c -> c.defaultValue = v);
    }

    public DialogElement withPlaceholder(String v) {
        return edit(c -> c.placeholder = v);
    }

    public DialogElement withHelpText(String v) {
        return edit(c -> c.helpText = v);
    }

    public DialogElement withOptional(boolean v) {
        return edit(c -> c.optional = v);
    }

    public DialogElement withMinLength(long v) {
        return edit(c -> c.minLength = v);
    }

    public DialogElement withMaxLength(long v) {
        return edit(c -> c.maxLength = v);
    }

    public DialogElement withDataSource(String v) {
        return edit(c -> c.dataSource = v);
    }

    public DialogElement withDataSourceUrl(String v) {
        return edit(c -> c.dataSourceUrl = v);
    }

    public DialogElement withOptions(List<DialogOption> v) {
        return edit(c -> c.options = v);
    }

    public DialogElement withMultiselect(boolean v) {
        return edit(c -> c.multiselect = v);
    }

    public DialogElement withRefresh(boolean v) {
        return edit(c -> c.refresh = v);
    }

    public DialogElement withDatetimeConfig(DialogDateTimeConfig v) {
        return edit(c -> c.datetimeConfig = v);
    }

    public DialogElement withMinDate(String v) {
        return edit(c -> c.minDate = v);
    }

    public DialogElement withMaxDate(String v) {
        return edit(c -> c.maxDate = v);
    }

    public DialogElement withTimeInterval(long v) {
        return edit(c -> c.timeInterval = v);
    }

    private DialogElement edit(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new DialogElement(c.displayName, c.name, c.type, c.subtype, c.defaultValue, c.placeholder, c.helpText,
                c.optional, c.minLength, c.maxLength, c.dataSource, c.dataSourceUrl, c.options, c.multiselect,
                c.refresh, c.datetimeConfig, c.minDate, c.maxDate, c.timeInterval);
    }

    /** The fields of an element being copied. */
    private static final class Copy {
        String displayName;
        String name;
        String type;
        String subtype;
        String defaultValue;
        String placeholder;
        String helpText;
        boolean optional;
        long minLength;
        long maxLength;
        String dataSource;
        String dataSourceUrl;
        List<DialogOption> options;
        boolean multiselect;
        boolean refresh;
        DialogDateTimeConfig datetimeConfig;
        String minDate;
        String maxDate;
        long timeInterval;

        Copy(DialogElement e) {
            displayName = e.displayName;
            name = e.name;
            type = e.type;
            subtype = e.subtype;
            defaultValue = e.defaultValue;
            placeholder = e.placeholder;
            helpText = e.helpText;
            optional = e.optional;
            minLength = e.minLength;
            maxLength = e.maxLength;
            dataSource = e.dataSource;
            dataSourceUrl = e.dataSourceUrl;
            options = e.options;
            multiselect = e.multiselect;
            refresh = e.refresh;
            datetimeConfig = e.datetimeConfig;
            minDate = e.minDate;
            maxDate = e.maxDate;
            timeInterval = e.timeInterval;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
