package io.hookline.faulttests;

/** How a callback endpoint answers. Each maps to one way a real receiver misbehaves. */
public enum Behaviour {
    /** 200 {@code {"text": "ok"}} at once. */
    OK,
    /** 500 on every request: retried, then a final failure. */
    ALWAYS_500,
    /** 500 on the first request of a delivery, 200 on the next: recovered by a retry. */
    FLAP_ONCE,
    /** Accepts, then never answers within the request timeout. */
    HANG,
    /** 200 with a body sent one byte every 200 ms, longer than the request timeout. */
    SLOW_BODY,
    /** 200 with a 10 MB body. */
    HUGE_BODY,
    /** 200 with a body that is not JSON: delivered, then rejected by the ingestor. */
    INVALID_JSON,
    /** 302 to the cloud metadata address: must never be followed. */
    REDIRECT_INTERNAL,
    /** Reads the request, then resets the connection (RST, no response). */
    RESET
}
