package io.hookline.dispatcher.flow;

import io.hookline.dispatcher.http.AttemptResult;
import io.hookline.dispatcher.http.FailureKind;

/** What one finished delivery says about its host's health, for the host's concurrency limit. */
public enum HostSignal {
    /** The host answered with something other than overload: it coped with the load. */
    ANSWERED,
    /** Connect error, timeout, broken connection, 408, 429 or 5xx: the host did not cope. */
    FAILED,
    /**
     * No request reached the host (refused address, unbuildable request, hook gone, a cancelled task, an attempt
     * that failed fast).
     */
    NONE;

    /**
     * The host's side of an attempt: a 4xx other than 408 and 429 (or a 3xx, or an answer too large to record) is
     * the receiver's answer about this delivery, not a sign of overload, so it counts as answered.
     */
    public static HostSignal of(AttemptResult result) {
        if (result == null) {
            return NONE;
        }
        FailureKind failure = result.failure();
        switch (failure) {
            case CONNECT, TIMEOUT, IO:
                return FAILED;
            case FORBIDDEN_ADDRESS, INVALID_REQUEST, HOOK_TABLE_BEHIND, HOST_FAILING:
                return NONE;
            case RESPONSE_TOO_LARGE:
                return ANSWERED;
            case NONE:
            default:
                break;
        }
        Integer status = result.httpStatus();
        if (status == null) {
            return NONE;
        }
        int s = status;
        return s == 408 || s == 429 || (s >= 500 && s < 600) ? FAILED : ANSWERED;
    }
}
