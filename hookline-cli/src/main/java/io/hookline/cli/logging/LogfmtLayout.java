package io.hookline.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.util.Map;

/**
 * One {@code key=value} line per event. Values with a space, quote, {@code =}, backslash or control character, and
 * empty values, are double-quoted with {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t} and {@code \}{@code uXXXX}
 * escapes, so a line never breaks and splits back into the same pairs.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        for (Map.Entry<String, String> field : EventFields.of(event).entrySet()) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(key(field.getKey())).append('=');
            appendValue(line, field.getValue());
        }
        return line.append(CoreConstants.LINE_SEPARATOR).toString();
    }

    /** MDC keys come from code; keep them bare words so the pair still parses. */
    private static String key(String key) {
        StringBuilder k = new StringBuilder(key.length());
        for (char c : key.toCharArray()) {
            k.append(c > ' ' && c != '=' && c != '"' && c != 0x7f ? c : '_');
        }
        return k.length() == 0 ? "_" : k.toString();
    }

    static void appendValue(StringBuilder line, String value) {
        if (value == null) {
            value = "";
        }
        if (!value.isEmpty() && value.chars().allMatch(c -> c > ' ' && c != '"' && c != '=' && c != '\\' && c != 0x7f)) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < ' ' || c == 0x7f) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        line.append('"');
    }
}
