package io.hookline.schemas.delivery;

/**
 * One HTTP attempt of a delivery.
 *
 * @param number      1 for the first attempt
 * @param startedAt   epoch milliseconds
 * @param latencyMs   from sending the request to the end of what was read of the response (for a 2xx, the end of
 *                    its first JSON value), or to the error
 * @param httpStatus  the status code, null when no response arrived
 * @param error       why the attempt failed ("connect timed out", "HTTP 503", ...), null on success
 * @param bodyExcerpt the start of the response body (a few kB at most), for the delivery log
 */
public record DeliveryAttempt(int number, long startedAt, long latencyMs, Integer httpStatus, String error,
                              String bodyExcerpt) {
}
