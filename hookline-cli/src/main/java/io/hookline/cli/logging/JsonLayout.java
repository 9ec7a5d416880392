package io.hookline.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Map;

/** One JSON object per line: {@code {"ts":...,"level":...,"logger":...,"thread":...,"msg":...,"error":...}}. */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256).append('{');
        for (Map.Entry<String, String> field : EventFields.of(event).entrySet()) {
            if (line.length() > 1) {
                line.append(',');
            }
            string(line, field.getKey());
            line.append(':');
            string(line, field.getValue() == null ? "" : field.getValue());
        }
        return line.append('}').append(CoreConstants.LINE_SEPARATOR).toString();
    }

    private static void string(StringBuilder line, String value) {
        // escapes quotes, backslashes and every control character (newlines included), so one event stays one line
        line.append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, line);
        line.append('"');
    }
}
