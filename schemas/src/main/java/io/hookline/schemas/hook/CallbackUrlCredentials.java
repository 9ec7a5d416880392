package io.hookline.schemas.hook;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The credentials a callback URL may carry ({@code http://user:pass@host/hook}), the one place that reads them: for
 * the request, Mattermost's Go client turns them into {@code Authorization: Basic}; everywhere a callback URL is shown
 * or recorded (outcomes, logs, listings, {@code tail}) the password is replaced by {@link #MASK}.
 *
 * <p>The userinfo is found as Go's {@code net/url} finds it: the authority runs from {@code //} to the first
 * {@code /}, {@code ?} or {@code #}, the userinfo is everything before its last {@code @}, the user name ends at the
 * first {@code :}. A user name without a password is masked whole, since it is then the credential (an API key as
 * user name is common).
 */
public final class CallbackUrlCredentials {

    public static final String MASK = "****";

    /** A URL inside free text: its authority also ends at white space and at characters that end a quoted URL. */
    private static final Pattern URL_WITH_USERINFO = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*://)([^/?#\\s\"<>]*)@");

    private CallbackUrlCredentials() {
    }

    /** {@code url} with its password (or lone user name) masked; unchanged without credentials. */
    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        int authority = url.indexOf("//");
        int at = authority < 0 ? -1 : lastAt(url, authority + 2, authorityEnd(url, authority + 2));
        if (at < 0) {
            return url;
        }
        return url.substring(0, authority + 2) + maskedUserinfo(url.substring(authority + 2, at)) + url.substring(at);
    }

    /** {@code text} with every URL's password (or lone user name) masked: for log lines and error messages. */
    public static String maskedIn(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher m = URL_WITH_USERINFO.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + maskedUserinfo(m.group(2)) + "@"));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The {@code Authorization} header Go's {@code net/http} client sends for a URL with userinfo: {@code Basic} and
     * base64 of the percent-decoded user name, {@code :}, and password, as bytes ({@code %FF} stays one byte). Any
     * userinfo counts, even an empty one ({@code http://@host/} sends {@code Basic Og==}).
     *
     * @throws IllegalArgumentException when Go refuses the userinfo (a character outside its set, a bad escape)
     */
    public static Optional<String> basicAuthorization(String url) {
        int authority = url.indexOf("//");
        int at = authority < 0 ? -1 : lastAt(url, authority + 2, authorityEnd(url, authority + 2));
        if (at < 0) {
            return Optional.empty();
        }
        String userinfo = url.substring(authority + 2, at);
        int colon = userinfo.indexOf(':');
        ByteArrayOutputStream pair = new ByteArrayOutputStream();
        unescape(colon < 0 ? userinfo : userinfo.substring(0, colon), pair);
        pair.write(':');
        if (colon >= 0) {
            unescape(userinfo.substring(colon + 1), pair);
        }
        return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair.toByteArray()));
    }

    /** Go's {@code url.Parse}: the authority ends at the first {@code /}; query and fragment were cut before. */
    private static int authorityEnd(String url, int from) {
        for (int i = from; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                return i;
            }
        }
        return url.length();
    }

    private static int lastAt(String url, int from, int to) {
        int at = url.lastIndexOf('@', to - 1);
        return at >= from ? at : -1;
    }

    private static String maskedUserinfo(String userinfo) {
        int colon = userinfo.indexOf(':');
        if (colon >= 0) {
            return colon == userinfo.length() - 1 ? userinfo : userinfo.substring(0, colon + 1) + MASK;
        }
        return userinfo.isEmpty() ? userinfo : MASK;
    }

    /** Go's {@code validUserinfo} and {@code unescape(s, encodeUserPassword)}: {@code +} stays {@code +}. */
    private static void unescape(String s, ByteArrayOutputStream out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    throw new IllegalArgumentException("callback URL has an invalid escape in its user info");
                }
                out.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._:~!$&'()*+,;=@".indexOf(c) >= 0) {
                out.write(c);
            } else {
                throw new IllegalArgumentException("callback URL has an invalid character in its user info");
            }
        }
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
