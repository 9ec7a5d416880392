package io.hookline.ingestor.slack;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Mattermost's {@code IsValidHTTPURL}: the text starts with {@code http://} or {@code https://} and parses as a URL
 * with a host. Java's URI parser is stricter than Go's (a raw space or {@code |} fails here), which only ever removes
 * more, never lets through a scheme such as {@code javascript:} or {@code data:}.
 */
public final class HttpUrls {

    private HttpUrls() {
    }

    public static boolean isValid(String url) {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String authority = uri.getRawAuthority();
            return uri.isAbsolute() && authority != null && !authority.isEmpty() && !authority.startsWith("@");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
