package io.hookline.schemas.dialog;

import static io.hookline.schemas.dialog.GoText.quote;

/**
 * Every limit and message of Mattermost's dialog validation (v11.6 {@code model/integration_action.go}), word for
 * word, in one place. {@code %q} is Go's quoting ({@link GoText#quote}); lengths are UTF-8 bytes.
 */
final class DialogRules {

    static final int TITLE_MAX = 24;
    static final int DISPLAY_NAME_MAX = 24;
    static final int NAME_MAX = 300;
    static final int HELP_TEXT_MAX = 150;
    static final int TEXT_MAX = 150;
    static final int TEXTAREA_MAX = 3000;
    static final int SELECT_MAX = 3000;
    static final int BOOL_MAX = 150;
    static final int DEFAULT_TIME_INTERVAL = 60;
    static final int MINUTES_PER_DAY = 1440;

    static final String EMPTY_URL = "empty URL";
    static final String EMPTY_TRIGGER_ID = "empty trigger id";
    static final String INVALID_ICON_URL = "invalid icon url";
    static final String DYNAMIC_NEEDS_URL = "dynamic data_source requires data_source_url";
    static final String DYNAMIC_BAD_URL = "invalid data_source_url for dynamic select";
    static final String DYNAMIC_WITH_OPTIONS = "dynamic select element should not have static options";
    static final String INVALID_BOOL_DEFAULT = "invalid default of bool";
    static final String FORM_REQUIRED = "form field is required for form type";
    /** Mattermost only logs a response error whose text contains this (4.4). */
    static final String INVALID_FORM = "invalid form";

    // checkMaxLength's field names
    static final String DISPLAY_NAME = "DisplayName";
    static final String NAME = "Name";
    static final String HELP_TEXT = "HelpText";
    static final String DEFAULT = "Default";
    static final String PLACEHOLDER = "Placeholder";

    private DialogRules() {
    }

    static String invalidTitle(String title) {
        return "invalid dialog title " + quote(title);
    }

    static String duplicateElement(String name) {
        return "duplicate dialog element " + quote(name);
    }

    /** The prefix Mattermost wraps an element's errors in ({@code errors.Wrapf}). */
    static String elementNotValid(String name) {
        return quote(name) + " field is not valid";
    }

    static String negativeMinLength(long min) {
        return "min length cannot be a negative number, got " + min;
    }

    static String minAboveMax(long min, long max) {
        return "min length should be less then max length, got " + min + " > " + max;
    }

    static String cannotBeEmpty(String field) {
        return field + " cannot be empty";
    }

    static String tooLong(String field, int max, int got) {
        return field + " cannot be longer than " + max + " characters, got " + got;
    }

    static String multiselectNotSelect(String type) {
        return "multiselect can only be used with select elements, got type " + quote(type);
    }

    /** Sic: Mattermost prints the element's type, not the subtype. */
    static String invalidSubtype(String type) {
        return "invalid subtype " + quote(type);
    }

    static String invalidDataSource(String dataSource) {
        return "invalid data source " + quote(dataSource) + ", allowed are 'users', 'channels', or 'dynamic'";
    }

    /** The trailing space is in Mattermost's text. */
    static String defaultNotInOptions(String defaultValue) {
        return "default value " + quote(defaultValue) + " doesn't exist in options ";
    }

    static String multiselectDefaultNotInOptions(String defaultValue) {
        return "multiselect default value " + quote(defaultValue) + " contains values not in options";
    }

    static String timeIntervalZero() {
        return "time_interval of 0 will be reset to default, " + DEFAULT_TIME_INTERVAL + " minutes";
    }

    static String timeIntervalRange(long interval) {
        return "time_interval must be between 1 and " + MINUTES_PER_DAY + " minutes, got " + interval;
    }

    static String timeIntervalDivisor(long interval) {
        return "time_interval must be a divisor of 1440 (24 hours * 60 minutes) to create valid time intervals, got "
                + interval;
    }

    static String invalidElementType(String type) {
        return "invalid element type: " + quote(type);
    }

    static String dateGotDatetime(String value, String date) {
        return "date field received datetime format " + quote(value) + ", only date portion " + quote(date)
                + " will be used. Consider using date format instead";
    }

    static String invalidDate(String value) {
        return "invalid date format: " + quote(value)
                + ", expected ISO format (YYYY-MM-DD), datetime format, or relative format";
    }

    static String invalidDatetime(String value) {
        return "invalid datetime format: " + quote(value)
                + ", expected ISO format (YYYY-MM-DDTHH:MM:SSZ) or relative format";
    }

    static String formMustBeNil(String type) {
        return "form field must be nil for type " + quote(type);
    }

    static String invalidResponseType(String type) {
        return "invalid type " + quote(type) + ", must be one of: empty, ok, form, navigate";
    }
}
