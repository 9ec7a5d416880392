package io.hookline.cli.hooks;

import io.hookline.schemas.hook.OutgoingWebhook;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --trigger-when}: the words an admin uses for Mattermost's {@code trigger_when} 0 and 1. */
public enum TriggerWhen {
    EXACT("exact", OutgoingWebhook.TRIGGER_WORDS_EXACT_MATCH),
    STARTS_WITH("starts-with", OutgoingWebhook.TRIGGER_WORDS_STARTS_WITH);

    private final String word;
    private final int code;

    TriggerWhen(String word, int code) {
        this.word = word;
        this.code = code;
    }

    public int code() {
        return code;
    }

    @Override
    public String toString() {
        return word;
    }

    /** Accepts {@code exact}, {@code starts-with} and Mattermost's numbers {@code 0} and {@code 1}. */
    public static final class Converter implements ITypeConverter<TriggerWhen> {
        @Override
        public TriggerWhen convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            for (TriggerWhen t : values()) {
                if (t.word.equals(v) || Integer.toString(t.code).equals(v) || t.name().equalsIgnoreCase(v)) {
                    return t;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of exact (0), starts-with (1)");
        }
    }
}
