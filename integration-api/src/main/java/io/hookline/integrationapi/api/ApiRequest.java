package io.hookline.integrationapi.api;

import java.io.IOException;

/**
 * One HTTP request as the API sees it. The body is read only by a route that wants it, so that an unknown path never
 * reads (or refuses) a body.
 *
 * @param path     the decoded path
 * @param rawQuery the query as sent (not decoded), or null
 */
public record ApiRequest(String method, String path, String rawQuery, Body body) {

    /** The request body, read at most once. */
    @FunctionalInterface
    public interface Body {
        /**
         * @return the whole body
         * @throws TooLarge    when it has more than {@code limit} bytes (the rest is not read)
         * @throws IOException when the connection fails while reading
         */
        byte[] readAtMost(int limit) throws TooLarge, IOException;
    }

    /** A body over the limit. */
    public static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        public TooLarge(int limit) {
            super("request body over " + limit + " bytes");
        }
    }
}
