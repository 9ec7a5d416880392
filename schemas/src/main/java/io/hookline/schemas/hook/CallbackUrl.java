package io.hookline.schemas.hook;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A callback URL as Mattermost reads it: valid when it starts with {@code http://} or {@code https://} and Go's
 * {@code url.ParseRequestURI} accepts it with a host (Mattermost's {@code IsValidHTTPURL}), so underscores and
 * non-ASCII letters in host names and raw {@code |}, braces, spaces or backslashes in path and query are valid. The
 * parts are what Go's HTTP client puts on the wire: the fragment dropped, the path escaped as Go's
 * {@code URL.EscapedPath} escapes it, the query as written.
 *
 * @param scheme      {@code http} or {@code https}
 * @param authority   user info, host and port as written (an IDN host is not yet punycode)
 * @param requestPath the path of the request line, escaped as Go escapes it; "/" for an empty path
 * @param query       the query after {@code ?} as written, "" for a lone {@code ?}; null without one
 */
public record CallbackUrl(String scheme, String authority, String requestPath, String query) {

    private static final String HTTP = "http://";
    private static final String HTTPS = "https://";

    /** Go's {@code url} package escaping modes that matter here. */
    private enum Mode { HOST, ZONE, PATH }

    /** Mattermost's {@code IsValidHTTPURL}. */
    public static boolean isValid(String url) {
        return parse(url).isPresent();
    }

    /** The URL as Go's HTTP client sends it; empty when Mattermost would refuse it as a callback URL. */
    public static Optional<CallbackUrl> parse(String url) {
        if (url == null || !(url.startsWith(HTTP) || url.startsWith(HTTPS)) || parts(url) == null) {
            return Optional.empty();
        }
        // the client parses with url.Parse, which drops the fragment that ParseRequestURI keeps in path or query
        int hash = url.indexOf('#');
        return Optional.ofNullable(parts(hash < 0 ? url : url.substring(0, hash)));
    }

    /** Go's {@code ParseRequestURI} of an absolute http(s) URL; null where it fails or leaves no host. */
    private static CallbackUrl parts(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return null;
            }
        }
        String scheme = url.startsWith(HTTPS) ? "https" : "http";
        String rest = url.substring(scheme.length() + 1);
        String query = null;
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            query = "";
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                query = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        rest = rest.substring(2);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash);
        if (!validAuthority(authority)) {
            return null;
        }
        byte[] rawPath = path.getBytes(StandardCharsets.UTF_8);
        byte[] decodedPath = unescape(rawPath, Mode.PATH);
        if (decodedPath == null) {
            return null;
        }
        String escaped = validEncoded(rawPath) ? path : escape(decodedPath);
        return new CallbackUrl(scheme, authority, escaped.isEmpty() ? "/" : escaped, query);
    }

    private static boolean validAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        String host = authority.substring(at + 1);
        if (at >= 0) {
            String userinfo = authority.substring(0, at);
            if (!validUserinfo(userinfo)) {
                return false;
            }
            for (String part : userinfo.split(":", 2)) {
                if (unescape(part.getBytes(StandardCharsets.UTF_8), Mode.PATH) == null) {
                    return false;
                }
            }
        }
        byte[] decoded = parseHost(host);
        return decoded != null && decoded.length > 0;
    }

    /** Go's {@code parseHost}: brackets for IPv6 (with an escaped zone), digits only after the last colon. */
    private static byte[] parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0 || !validOptionalPort(host.substring(close + 1))) {
                return null;
            }
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                byte[] a = unescape(bytes(host.substring(0, zone)), Mode.HOST);
                byte[] b = unescape(bytes(host.substring(zone, close)), Mode.ZONE);
                byte[] c = unescape(bytes(host.substring(close)), Mode.HOST);
                if (a == null || b == null || c == null) {
                    return null;
                }
                byte[] all = new byte[a.length + b.length + c.length];
                System.arraycopy(a, 0, all, 0, a.length);
                System.arraycopy(b, 0, all, a.length, b.length);
                System.arraycopy(c, 0, all, a.length + b.length, c.length);
                return all;
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
                return null;
            }
        }
        return unescape(bytes(host), Mode.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            if (port.charAt(i) < '0' || port.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(isAlphanumeric(c) || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code unescape}: the decoded bytes, or null for a malformed escape or a character a host cannot have. */
    private static byte[] unescape(byte[] s, Mode mode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length);
        for (int i = 0; i < s.length; i++) {
            int c = s[i] & 0xff;
            if (c == '%') {
                if (i + 2 >= s.length || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0) {
                    return null;
                }
                int value = hex(s[i + 1]) << 4 | hex(s[i + 2]);
                boolean percent25 = value == '%';
                // in a host, escapes are only for non-ASCII bytes (RFC 3986 3.2.2), and %25 for a zone
                if (mode == Mode.HOST && hex(s[i + 1]) < 8 && !percent25) {
                    return null;
                }
                if (mode == Mode.ZONE && !percent25 && value != ' ' && shouldEscape(value, Mode.HOST)) {
                    return null;
                }
                out.write(value);
                i += 2;
            } else {
                if (mode != Mode.PATH && c < 0x80 && shouldEscape(c, mode)) {
                    return null;
                }
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** Go's {@code shouldEscape} for the host, zone and path modes. */
    private static boolean shouldEscape(int c, Mode mode) {
        if (c < 0x80 && isAlphanumeric((char) c)) {
            return false;
        }
        if (mode != Mode.PATH && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        if ("-_.~".indexOf(c) >= 0) {
            return false;
        }
        if (mode == Mode.PATH && "$&+,/:;=@".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    /** Go's {@code validEncoded} for a path: Go sends such a path exactly as written. */
    private static boolean validEncoded(byte[] path) {
        for (byte b : path) {
            int c = b & 0xff;
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, Mode.PATH)) {
                return false;
            }
        }
        return true;
    }

    /** Go's {@code escape} in path mode: every byte that should be escaped as %XX, upper-case hex. */
    private static String escape(byte[] path) {
        StringBuilder out = new StringBuilder(path.length + 16);
        for (byte b : path) {
            int c = b & 0xff;
            if (shouldEscape(c, Mode.PATH)) {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
