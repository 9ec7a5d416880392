package io.hookline.cli.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The console's request checks, in order: on a loopback address the {@code Host} must be a loopback name (a page on
 * another site that rebinds its DNS name to 127.0.0.1 is then refused); under {@code /api/} the admin token when one
 * is set (401); every request that is not GET/HEAD must carry {@code X-Hookline-Console: 1} (a custom header cannot
 * be sent cross-site without a CORS preflight, which the console never answers) and, when the browser sends an
 * {@code Origin}, it must be the console's own (403); a POST or PUT body must be JSON (415).
 */
final class RequestGuard {

    static final String CSRF_HEADER = "X-Hookline-Console";

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final byte[] adminToken;
    private final boolean loopback;
    private final String boundAddress;

    /**
     * @param adminToken   null when the API needs none
     * @param loopback     whether the console listens on a loopback address only
     * @param boundAddress the address it listens on (also accepted as a host name)
     */
    RequestGuard(String adminToken, boolean loopback, String boundAddress) {
        this.adminToken = adminToken == null ? null : adminToken.getBytes(StandardCharsets.UTF_8);
        this.loopback = loopback;
        this.boundAddress = boundAddress.toLowerCase(Locale.ROOT);
    }

    /** What the guard reads of a request; header values are null when absent. */
    record Request(String method, String path, String host, String origin, String authorization, String csrfHeader,
                   String contentType) {
    }

    /** The refusal for {@code r}, or empty when it may proceed. */
    Optional<ApiException> check(Request r) {
        if (loopback && !loopbackHost(r.host())) {
            return refuse(403, "Host '" + r.host() + "' is not this console's: open it as http://127.0.0.1:PORT or "
                    + "http://localhost:PORT");
        }
        boolean api = r.path().equals("/api") || r.path().startsWith("/api/");
        if (api && adminToken != null && !tokenMatches(r.authorization())) {
            return refuse(401, r.authorization() == null ? "this console requires its admin token "
                    + "(Authorization: Bearer <hookline.console-admin-token>)" : "wrong admin token");
        }
        boolean safe = r.method().equals("GET") || r.method().equals("HEAD");
        if (safe) {
            return Optional.empty();
        }
        if (!"1".equals(r.csrfHeader())) {
            return refuse(403, "a request that changes something must carry the header " + CSRF_HEADER
                    + ": 1 (the console's pages send it; other sites cannot)");
        }
        if (r.origin() != null && !r.origin().equalsIgnoreCase("http://" + r.host())) {
            return refuse(403, "Origin '" + r.origin() + "' is not this console's (http://" + r.host() + ")");
        }
        if ((r.method().equals("POST") || r.method().equals("PUT")) && !json(r.contentType())) {
            return refuse(415, "the body must be JSON (Content-Type: application/json), got "
                    + (r.contentType() == null ? "no Content-Type" : "'" + r.contentType() + "'"));
        }
        return Optional.empty();
    }

    private boolean loopbackHost(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String h = host.trim().toLowerCase(Locale.ROOT);
        // strip the port: after the closing bracket of an IPv6 literal, else after the only colon
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            h = end < 0 ? h : h.substring(0, end + 1);
        } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
            h = h.substring(0, h.indexOf(':'));
        }
        return LOOPBACK_HOSTS.contains(h) || h.equals(boundAddress);
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, adminToken);
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json");
    }

    private static Optional<ApiException> refuse(int status, String message) {
        return Optional.of(new ApiException(status, message, null, List.of()));
    }
}
