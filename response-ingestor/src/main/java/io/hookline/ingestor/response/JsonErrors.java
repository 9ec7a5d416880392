package io.hookline.ingestor.response;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.hookline.schemas.deadletter.DeadLetter;

/**
 * Jackson's parse errors, made fit for a dead-letter header: the position is kept, and any text Jackson quotes from
 * the input (an unrecognised token) is elided, so that whatever a callback sent back (it could echo the request's
 * token) is never copied into headers or logs.
 */
public final class JsonErrors {

    private JsonErrors() {
    }

    public static String describe(JsonProcessingException e) {
        return DeadLetter.withoutQuotedInput(e.getOriginalMessage()) + at(e.getLocation());
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
