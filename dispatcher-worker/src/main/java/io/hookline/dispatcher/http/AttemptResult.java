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

    /** Why the attempt did not succeed, for the delivery log: the error, or the status (a redirect says so). */
    public String failureText() {
        if (httpStatus != null && httpStatus >= 300 && httpStatus < 400 && failure == FailureKind.NONE) {
            return "HTTP " + httpStatus + " (redirects are not followed)";
        }
        return error != null ? error : "HTTP " + httpStatus;
    }

    /** The start of the body kept in the attempt record ({@link CallbackClient#EXCERPT_BYTES}), null when empty. */
    public String bodyExcerpt() {
        if (body.length == 0) {
            return null;
        }
        byte[] head = body.length > CallbackClient.EXCERPT_BYTES
                ? java.util.Arrays.copyOf(body, CallbackClient.EXCERPT_BYTES) : body;
        return new String(head, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static AttemptResult failed(long startedAt, long latencyMs, FailureKind kind, String error) {
        return new AttemptResult(startedAt, latencyMs, null, null, null, kind, error, null);
    }
}
