package io.hookline.dispatcher.http;

import io.hookline.dispatcher.ssrf.AddressPolicy;
import io.hookline.dispatcher.ssrf.ForbiddenAddressException;
import io.hookline.schemas.hook.CallbackUrl;
import io.hookline.schemas.hook.CallbackUrlCredentials;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Callback URLs, parsed and vetted once: the URL a request goes to, its credentials, and the destination (host and
 * port, never the credentials) that the per-host budgets count against. Parsing and vetting showed in profiles at
 * thousands of deliveries a second while hooks have few URLs, so accepted URLs are remembered, the least recently used
 * leaving first past {@link #REMEMBERED} (the bound only guards against a flood of distinct URLs). The policy is fixed
 * for the dispatcher's life and an IP literal's verdict needs no lookup, so a remembered verdict stays right; refused
 * URLs are decided again each time. One instance per dispatcher, shared by its lanes and its client; thread-safe.
 */
public final class CallbackTargets {

    static final int REMEMBERED = 4096;

    /** OkHttp's own test for a host that is an IP literal: such hosts never reach {@code Dns}. */
    private static final Pattern IP_LITERAL = Pattern.compile("([0-9a-fA-F]*:[0-9a-fA-F:.]*)|([\\d.]+)");

    /**
     * An accepted callback URL.
     *
     * @param url           where the request goes, without the URL's credentials (they never travel in the URL)
     * @param authorization the {@code Authorization} header of the URL's credentials, as Go's client sends it; null
     *                      without credentials
     */
    record Target(HttpUrl url, String destination, String authorization) {
    }

    private final AddressPolicy policy;
    // guarded by itself: access order makes every get a write
    private final Map<String, Target> accepted = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Target> eldest) {
            return size() > REMEMBERED;
        }
    };

    public CallbackTargets(AddressPolicy policy) {
        this.policy = policy;
    }

    AddressPolicy policy() {
        return policy;
    }

    /**
     * The destination a delivery to {@code callbackUrl} counts against: {@code host:port} (distinct services on one
     * host differ); "" for a refused URL, which is never sent.
     */
    public String destination(String callbackUrl) {
        try {
            return target(callbackUrl).destination();
        } catch (RefusedException e) {
            return "";
        }
    }

    /** The accepted target of {@code callbackUrl}. @throws RefusedException when it is invalid or forbidden */
    Target target(String callbackUrl) throws RefusedException {
        synchronized (accepted) {
            Target known = accepted.get(callbackUrl);
            if (known != null) {
                return known;
            }
        }
        HttpUrl url = CallbackUrl.parse(callbackUrl).map(CallbackTargets::wireUrl).orElse(null);
        if (url == null) {
            throw new RefusedException(FailureKind.INVALID_REQUEST, "callback URL is not a valid http(s) URL");
        }
        vetLiteralHost(url.host());
        String authorization;
        try {
            authorization = CallbackUrlCredentials.basicAuthorization(callbackUrl).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new RefusedException(FailureKind.INVALID_REQUEST, e.getMessage());
        }
        Target target = new Target(url.newBuilder().username("").password("").build(), url.host() + ":" + url.port(),
                authorization);
        synchronized (accepted) {
            accepted.put(callbackUrl, target);
        }
        return target;
    }

    /**
     * The URL OkHttp sends to: its own parser reads the host (IDN hosts become punycode, as in Go's client), while
     * path and query are Go's, set as already encoded: OkHttp's parser would turn a backslash into a slash.
     * Null when OkHttp cannot send to the host or port.
     */
    private static HttpUrl wireUrl(CallbackUrl callback) {
        HttpUrl base = HttpUrl.parse(callback.scheme() + "://" + callback.authority() + "/");
        if (base == null) {
            return null;
        }
        return base.newBuilder().encodedPath(callback.requestPath()).encodedQuery(callback.query()).build();
    }

    /** OkHttp connects to an IP literal without asking {@code Dns}, so the guard checks those here. */
    private void vetLiteralHost(String host) throws RefusedException {
        if (!IP_LITERAL.matcher(host).matches() || policy.trustsHost(host)) {
            return;
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedException(FailureKind.INVALID_REQUEST, "callback host is not a valid IP address");
        }
        if (!policy.allows(address)) {
            throw new RefusedException(FailureKind.FORBIDDEN_ADDRESS, ForbiddenAddressException.MESSAGE);
        }
    }
}
