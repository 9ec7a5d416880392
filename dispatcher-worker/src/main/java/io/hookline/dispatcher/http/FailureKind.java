package io.hookline.dispatcher.http;

/** Why an attempt got no usable response. */
public enum FailureKind {
    /** A response arrived (its status decides). */
    NONE,
    /** DNS failure, refused or reset connection. */
    CONNECT,
    /** The connect timeout or the whole-request timeout expired. */
    TIMEOUT,
    /** Any other I/O error while talking to the receiver. */
    IO,
    /** The SSRF guard refused every address of the host. */
    FORBIDDEN_ADDRESS,
    /** A successful response whose first JSON value is not complete within the 1 MiB limit. */
    RESPONSE_TOO_LARGE,
    /**
     * Not attempted: the hook is not in the dispatcher's hook table and the table could not read
     * {@code webhook-configs} to its end in time, so whether the hook exists is not known yet.
     */
    HOOK_TABLE_BEHIND,
    /** The trigger cannot become a request: bad URL, bad signing secret. */
    INVALID_REQUEST,
    /**
     * Not sent: the destination is failing and its queue would not start within the allowed wait, so the attempt
     * failed fast (see {@code flow.Admission#FAIL_FAST}); retried on the schedule like a failed request.
     */
    HOST_FAILING
}
