package io.hookline.cli.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of one log event as the structured layouts write them, in their order, every value masked
 * ({@link SecretMask}): {@code ts} (UTC, ISO-8601), {@code level}, {@code logger}, {@code thread}, {@code msg}, the
 * MDC entries, and for an exception {@code error} (its class and message, causes appended) and {@code stack}.
 */
final class EventFields {

    private EventFields() {
    }

    static Map<String, String> of(ILoggingEvent event) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ts", Instant.ofEpochMilli(event.getTimeStamp()).toString());
        fields.put("level", event.getLevel().toString());
        fields.put("logger", event.getLoggerName());
        fields.put("thread", event.getThreadName());
        fields.put("msg", SecretMask.mask(event.getFormattedMessage()));
        event.getMDCPropertyMap().forEach((k, v) -> fields.putIfAbsent(k, SecretMask.mask(v)));
        IThrowableProxy error = event.getThrowableProxy();
        if (error != null) {
            fields.put("error", SecretMask.mask(summary(error)));
            fields.put("stack", SecretMask.mask(ThrowableProxyUtil.asString(error).strip()));
        }
        return fields;
    }

    /** {@code Class: message; caused by Class: message ...}, the line an operator reads first. */
    static String summary(IThrowableProxy error) {
        StringBuilder s = new StringBuilder();
        for (IThrowableProxy t = error; t != null; t = t.getCause()) {
            if (s.length() > 0) {
                s.append("; caused by ");
            }
            s.append(t.getClassName());
            if (t.getMessage() != null) {
                s.append(": ").append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return s.toString();
    }
}
