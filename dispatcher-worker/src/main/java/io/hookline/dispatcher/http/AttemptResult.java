package io.hookline.dispatcher.http;

import java.time.Duration;

/**
 * What one HTTP attempt produced.
 *
 * @param httpStatus   the status code, null when no response arrived
 * @param body         for a 2xx, exactly its first JSON value (or, when it holds none, what was read of it); else
 *                     its first bytes; never null
 * @param contentType  the response's Content-Type, null when absent
 * @param error        a description of the failure, null when a response arrived
 * @param retryAfter   the Retry-After the receiver asked for, null when none
 */
public record AttemptResult(long startedAt, long latencyMs, Integer httpStatus, byte[] body, String contentType,
                            FailureKind failure, String error, Duration retryAfter) {

    public AttemptResult {
        body = body == null ? new byte[0] : body;
    }

    public static AttemptResult failed(long startedAt, long latencyMs, FailureKind kind, String error) {
        return new AttemptResult(startedAt, latencyMs, null, null, null, kind, error, null);
    }
}
