package io.hookline.dispatcher.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import okio.BufferedSource;

/**
 * Reads a successful response body as Mattermost does ({@code json.NewDecoder(io.LimitReader(body, 1 MiB))
 * .Decode(&resp)}): only until its first JSON value is complete. What follows the value (more values, garbage,
 * megabytes, an end that comes after the timeout) is never read, and a body that cannot be JSON is given up at its
 * first wrong byte, where Go's decoder gives up too.
 */
final class FirstJsonValue {

    /** How reading a body ended. */
    enum Ending {
        /** The first value is complete: the bytes are exactly that value. */
        VALUE,
        /** The body ended first (empty, blank, or a value cut short): the bytes are the whole body. */
        BODY_END,
        /** A byte no JSON value can hold came first: the bytes are what was read, up to and including it. */
        NOT_JSON,
        /** No value was complete within the limit: the bytes are the first ones read. */
        TOO_LARGE
    }

    /**
     * @param unread whether the body may still hold bytes nobody read, so that its connection must not be reused
     */
    record Reading(byte[] bytes, Ending ending, boolean unread) {
    }

    /**
     * Go's decoder limits: a depth of 10000, and no bound on names, strings or numbers other than the body limit.
     * Jackson's smaller defaults would refuse values Mattermost accepts. Names are never looked at, so they are not
     * interned.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(10_000)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE)
                    .build())
            .build();
    private static final int CHUNK = 8192;

    /** Where the parser stands after the bytes it was given. */
    private enum Progress { INCOMPLETE, COMPLETE, NOT_JSON }

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final byte[] structure;
    private long fed;
    private long start = -1;
    private int depth;

    private FirstJsonValue(JsonParser parser, int chunk) {
        this.parser = parser;
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        this.structure = new byte[chunk];
    }

    /**
     * Reads {@code source} until its first JSON value is complete, it ends, it cannot be JSON, or {@code limit} bytes
     * were read; blocks as the source does (the call's timeout bounds it). A non-blocking parser is fed the bytes as
     * they arrive, so that it never waits for more than the value needs (a blocking one first waits for four bytes).
     *
     * @param declaredLength the body's Content-Length, -1 when unknown
     */
    static Reading read(BufferedSource source, long declaredLength, int limit) throws IOException {
        // a small declared body needs no 8 kB of scratch space
        int chunk = (int) Math.min(CHUNK, declaredLength > 0 ? declaredLength : CHUNK);
        try (JsonParser parser = FACTORY.createNonBlockingByteArrayParser()) {
            return new FirstJsonValue(parser, chunk).readFrom(source, declaredLength, limit);
        }
    }

    /** The bytes stay in {@code source}'s buffer while the parser sees a copy of them. */
    private Reading readFrom(BufferedSource source, long declaredLength, int limit) throws IOException {
        BufferedSource ahead = source.peek();
        while (true) {
            int room = (int) Math.min(structure.length, limit - fed);
            if (room == 0) {
                // the limit is the end of input for Go's decoder: it completes a number that reaches it, and a body
                // blank up to it is no value at all
                Progress last = endOfInput();
                return last == Progress.COMPLETE ? value(source, true)
                        : new Reading(source.readByteArray(fed), start < 0 ? Ending.BODY_END : Ending.TOO_LARGE, true);
            }
            int n = ahead.read(structure, 0, room);
            if (n == -1) {
                return endOfInput() == Progress.COMPLETE ? value(source, false)
                        : new Reading(source.readByteArray(fed), Ending.BODY_END, false);
            }
            Progress progress = feed(n);
            // a Content-Length body read to its last byte leaves nothing behind: its connection can be reused
            boolean unread = declaredLength < 0 || fed != declaredLength;
            if (progress == Progress.NOT_JSON) {
                return new Reading(source.readByteArray(fed), Ending.NOT_JSON, unread);
            }
            if (progress == Progress.COMPLETE) {
                return value(source, unread);
            }
        }
    }

    private Progress feed(int length) throws IOException {
        if (start < 0) {
            int i = 0;
            while (i < length && isGoSpace(structure[i])) {
                i++;
            }
            start = i < length ? fed + i : -1;
        }
        for (int i = 0; i < length; i++) {
            if (structure[i] < 0) {
                // Go's scanner takes any byte above 0x7f inside a string and refuses it elsewhere; Jackson would also
                // insist on valid UTF-8 (and skip a BOM that Go refuses). 'a' is exactly as valid as such a byte.
                structure[i] = 'a';
            }
        }
        fed += length;
        feeder.feedInput(structure, 0, length);
        return advance();
    }

    private static boolean isGoSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private Progress endOfInput() throws IOException {
        feeder.endOfInput();
        return advance();
    }

    private Progress advance() throws IOException {
        try {
            for (JsonToken t = parser.nextToken(); t != null && t != JsonToken.NOT_AVAILABLE; t = parser.nextToken()) {
                if (t.isStructStart()) {
                    depth++;
                } else if (t.isStructEnd()) {
                    depth--;
                }
                if (depth == 0) {
                    return Progress.COMPLETE;
                }
            }
            return Progress.INCOMPLETE;
        } catch (JsonProcessingException e) {
            return Progress.NOT_JSON;
        }
    }

    private Reading value(BufferedSource source, boolean unread) throws IOException {
        long end = parser.currentLocation().getByteOffset();
        source.skip(start);
        return new Reading(source.readByteArray(end - start), Ending.VALUE, unread);
    }
}
