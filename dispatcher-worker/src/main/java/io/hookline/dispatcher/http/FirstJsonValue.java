package io.hookline.dispatcher.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import okio.Buffer;
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
     * Jackson's smaller defaults would refuse values Mattermost accepts.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
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
    private final byte[] structure = new byte[CHUNK];
    private long start = -1;
    private int depth;

    private FirstJsonValue() throws IOException {
        parser = FACTORY.createNonBlockingByteArrayParser();
        feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    }

    /**
     * Reads {@code source} until its first JSON value is complete, it ends, it cannot be JSON, or {@code limit} bytes
     * were read; blocks as the source does (the call's timeout bounds it).
     *
     * @param declaredLength the body's Content-Length, -1 when unknown
     */
    static Reading read(BufferedSource source, long declaredLength, int limit) throws IOException {
        FirstJsonValue value = new FirstJsonValue();
        byte[] chunk = new byte[CHUNK];
        Buffer read = new Buffer();
        while (true) {
            int room = (int) Math.min(CHUNK, limit - read.size());
            if (room == 0) {
                // the limit is the end of input for Go's decoder: it completes a number that reaches it
                return value.endOfInput() == Progress.COMPLETE ? value.reading(read, true)
                        : new Reading(read.readByteArray(), Ending.TOO_LARGE, true);
            }
            int n = source.read(chunk, 0, room);
            if (n == -1) {
                return value.endOfInput() == Progress.COMPLETE ? value.reading(read, false)
                        : new Reading(read.readByteArray(), Ending.BODY_END, false);
            }
            long offset = read.size();
            read.write(chunk, 0, n);
            Progress progress = value.feed(chunk, n, offset);
            // a Content-Length body read to its last byte leaves nothing behind: its connection can be reused
            boolean unread = declaredLength < 0 || read.size() != declaredLength;
            if (progress == Progress.NOT_JSON) {
                return new Reading(read.readByteArray(), Ending.NOT_JSON, unread);
            }
            if (progress == Progress.COMPLETE) {
                return value.reading(read, unread);
            }
        }
    }

    private Progress feed(byte[] bytes, int length, long offset) throws IOException {
        for (int i = 0; i < length; i++) {
            byte b = bytes[i];
            if (start < 0 && b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                start = offset + i;
            }
            // Go's scanner takes any byte above 0x7f inside a string and refuses it elsewhere; Jackson would also
            // insist on valid UTF-8 (and skip a BOM that Go refuses). 'a' is exactly as valid as such a byte.
            structure[i] = b < 0 ? (byte) 'a' : b;
        }
        feeder.feedInput(structure, 0, length);
        return advance();
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

    private Reading reading(Buffer read, boolean unread) throws IOException {
        long end = parser.currentLocation().getByteOffset();
        read.skip(start);
        return new Reading(read.readByteArray(end - start), Ending.VALUE, unread);
    }
}
