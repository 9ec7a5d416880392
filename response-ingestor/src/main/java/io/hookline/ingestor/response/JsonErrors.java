package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors, made fit for a dead-letter header: the position is kept, and any text Jackson quotes from
 * the input (an unrecognised token) is elided, so that whatever a callback sent back (it could echo the request's
 * token) is never copied into headers or logs.
 */
public final class JsonErrors {

    private static final Pattern QUOTED = Pattern.compile("'[^']{2,}'");

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        return scrub(e.getOriginalMessage()) + at(e.getLocation());
    }

    /** {@code message} with every quoted run of two or more characters replaced by {@code '...'}. */
    public static String scrub(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        String first = nl < 0 ? message : message.substring(0, nl);
        return QUOTED.matcher(first).replaceAll("'...'");
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
