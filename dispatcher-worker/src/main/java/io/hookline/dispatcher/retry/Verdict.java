package io.hookline.dispatcher.retry;

import io.hookline.dispatcher.http.FailureKind;
import io.hookline.dispatcher.http.AttemptResult;

/** What an attempt means for the delivery. */
public enum Verdict {
    SUCCEEDED, RETRYABLE, FINAL;

    /**
     * The delivery rules: 2xx succeeds; connection errors, timeouts, 408, 429 and 5xx may be retried (and so may an
     * attempt not made because the hook table was behind or the destination was failing); redirects (never
     * followed), 410 and the other 4xx, a refused address, a too large or unbuildable request are final.
     */
    public static Verdict of(AttemptResult result) {
        return of(result.failure(), result.httpStatus());
    }

    public static Verdict of(FailureKind failure, Integer status) {
        switch (failure) {
            case CONNECT, TIMEOUT, IO, HOOK_TABLE_BEHIND, HOST_FAILING:
                return RETRYABLE;
            case FORBIDDEN_ADDRESS, RESPONSE_TOO_LARGE, INVALID_REQUEST:
                return FINAL;
            case NONE:
            default:
                break;
        }
        if (status == null) {
            return FINAL;
        }
        int s = status;
        if (s >= 200 && s < 300) {
            return SUCCEEDED;
        }
        if (s == 408 || s == 429 || (s >= 500 && s < 600)) {
            return RETRYABLE;
        }
        return FINAL;
    }

    /** A short label for metrics and logs: {@code 2xx}, {@code http_503}, {@code timeout}, ... */
    public static String reason(AttemptResult result) {
        if (result.failure() != FailureKind.NONE) {
            return result.failure().name().toLowerCase(java.util.Locale.ROOT);
        }
        int s = result.httpStatus() == null ? 0 : result.httpStatus();
        if (s >= 200 && s < 300) {
            return "2xx";
        }
        if (s == 408 || s == 410 || s == 429) {
            return "http_" + s;
        }
        return "http_" + (s / 100) + "xx";
    }
}
