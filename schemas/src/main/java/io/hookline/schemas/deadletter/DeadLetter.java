package io.hookline.schemas.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What Hookline knows about a record it could not process. On {@code dead-letters} the record keeps its original key
 * and value bytes whole; this description travels in headers named {@code hookline.dlq.*}. A reason must never contain
 * a token or a signing secret.
 *
 * @param stage       which stage gave up: {@code matcher}, {@code dispatcher}, {@code ingestor}
 * @param reason      in plain words, what was wrong
 * @param topic       source topic of the original record
 * @param partition   source partition, -1 when unknown
 * @param offset      source offset, -1 when unknown
 */
public record DeadLetter(String stage, String reason, String topic, int partition, long offset) {

    public static final String STAGE = "hookline.dlq.stage";
    public static final String REASON = "hookline.dlq.reason";
    public static final String TOPIC = "hookline.dlq.topic";
    public static final String PARTITION = "hookline.dlq.partition";
    public static final String OFFSET = "hookline.dlq.offset";

    public static final int MAX_REASON_CHARS = 2000;

    private static final Pattern QUOTED_INPUT = Pattern.compile("'[^']{2,}'|\"[^\"]{2,}\"");

    public DeadLetter {
        stage = stage == null ? "" : stage;
        reason = reason == null ? "" : reason.length() > MAX_REASON_CHARS
                ? reason.substring(0, MAX_REASON_CHARS) + "..." : reason;
        topic = topic == null ? "" : topic;
    }

    /**
     * The reason of a record given up on an unexpected error (a bug) in {@code stage}: the kind of error only. Its
     * message belongs in the log, not in a dead letter: it may quote a hook, token and signing secret included.
     */
    public static String unexpectedError(String stage, Throwable error) {
        return "unexpected error in the " + stage + ": " + error.getClass().getName();
    }

    /**
     * A parser's error message made fit for a reason or a log line: its first line, with every quoted run of two or
     * more characters elided ({@code '...'}, {@code "..."}). Parsers quote their input, and the input may hold a token
     * or a signing secret.
     */
    public static String withoutQuotedInput(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return QUOTED_INPUT.matcher(first).replaceAll(m -> m.group().charAt(0) == '"' ? "\"...\"" : "'...'");
    }

    /** Adds this description to {@code headers} (replacing an earlier one) and returns them. */
    public Headers writeTo(Headers headers) {
        for (String name : new String[] {STAGE, REASON, TOPIC, PARTITION, OFFSET}) {
            headers.remove(name);
        }
        headers.add(STAGE, utf8(stage));
        headers.add(REASON, utf8(reason));
        headers.add(TOPIC, utf8(topic));
        headers.add(PARTITION, utf8(Integer.toString(partition)));
        headers.add(OFFSET, utf8(Long.toString(offset)));
        return headers;
    }

    public Headers toHeaders() {
        return writeTo(new RecordHeaders());
    }

    /** Reads the description back; null when the headers carry none. */
    public static DeadLetter from(Headers headers) {
        String stage = text(headers, STAGE);
        if (stage == null) {
            return null;
        }
        return new DeadLetter(stage, text(headers, REASON), text(headers, TOPIC), parseInt(text(headers, PARTITION)),
                parseLong(text(headers, OFFSET)));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static int parseInt(String s) {
        try {
            return s == null ? -1 : Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static long parseLong(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
