package io.hookline.dispatcher;

import io.hookline.runtime.config.ConfigKey;
import io.hookline.runtime.config.Settings;
import java.util.List;

/**
 * The configuration keys the dispatcher reads. Its tuning keys start with {@code hookline.dispatcher.}; the keys that
 * mirror Mattermost's settings (timeouts, SSRF allow-list, insecure TLS) keep Mattermost's names; the shared keys it
 * honours are listed in {@link #SHARED}.
 */
public final class DispatcherSettings {

    public static final ConfigKey ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS = ConfigKey.of(
            "hookline.allowed-untrusted-internal-connections", "",
            "Mattermost AllowedUntrustedInternalConnections (spaces or commas): a host name trusts callback URLs "
                    + "with that host, an IP only URLs written with that IP, a CIDR any internal address inside it, "
                    + "also resolved ones; an entry that can match nothing is ignored with a warning");
    public static final ConfigKey CONNECT_TIMEOUT = ConfigKey.of("hookline.connect-timeout", "3",
            "seconds to open a connection (TCP and TLS) to a callback URL");
    public static final ConfigKey ENABLE_INSECURE_OUTGOING_CONNECTIONS = ConfigKey.of(
            "hookline.enable-insecure-outgoing-connections", "false",
            "Mattermost EnableInsecureOutgoingConnections: true to skip verifying the TLS certificates and host "
                    + "names of HTTPS callback URLs (logged as a warning at start-up)");
    public static final ConfigKey USER_AGENT = ConfigKey.of("hookline.user-agent", "Mattermost-Bot/1.1",
            "User-Agent header of outgoing-webhook callback requests; the default is Mattermost's (calls for clicks, "
                    + "dialogs and lookups always send Mattermost's Mattermost-Bot/1.1)");
    public static final ConfigKey MAX_IN_FLIGHT = ConfigKey.of("hookline.dispatcher.max-in-flight", "512",
            "first attempts in flight at once per worker process");
    public static final ConfigKey MAX_IN_FLIGHT_PER_HOST = ConfigKey.of("hookline.dispatcher.max-in-flight-per-host",
            "64", "the most first attempts in flight at once per worker to one callback host (host:port), so one slow "
                    + "host cannot take all capacity; the ceiling of the host's adaptive limit, which starts here, "
                    + "drops by a tenth at each connect error, timeout, 408, 429, 5xx or answer more than ten times "
                    + "(and 100 ms) slower than the host's usual, and grows back by one per answer while in use");
    public static final ConfigKey RETRY_MAX_IN_FLIGHT = ConfigKey.of("hookline.dispatcher.retry-max-in-flight", "128",
            "retries in flight at once per worker (a budget apart from first attempts, so retries never starve "
                    + "them)");
    public static final ConfigKey RETRY_MAX_IN_FLIGHT_PER_HOST = ConfigKey.of(
            "hookline.dispatcher.retry-max-in-flight-per-host", "16",
            "the most retries in flight at once per worker to one callback host: the ceiling of the host's adaptive "
                    + "limit in the retry lane");
    public static final ConfigKey INTERACTION_MAX_IN_FLIGHT = ConfigKey.of(
            "hookline.dispatcher.interaction-max-in-flight", "64",
            "calls for clicks, dialog submissions and lookups in flight at once per worker, on their own HTTP client "
                    + "(a budget apart from webhook deliveries, so a flood of deliveries never delays a click)");
    public static final ConfigKey INTERACTION_MAX_IN_FLIGHT_PER_HOST = ConfigKey.of(
            "hookline.dispatcher.interaction-max-in-flight-per-host", "16",
            "interaction calls in flight at once per worker to one integration host, so one slow integration cannot "
                    + "hold the clicks meant for the others");
    public static final ConfigKey MAX_PENDING = ConfigKey.of("hookline.dispatcher.max-pending", "4096",
            "records a worker holds without a written result before it pauses consumption (per lane: first "
                    + "attempts, retries, interactions)");
    public static final ConfigKey MAX_QUEUED_PER_HOST = ConfigKey.of("hookline.dispatcher.max-queued-per-host", "1024",
            "deliveries to one host that may wait for its budget (per lane); beyond that, while the host's queue "
                    + "keeps moving, the partitions whose next record is for it pause until it has room (nothing is "
                    + "dropped or counted as an attempt); when its queue would not start within host-max-wait, further "
                    + "deliveries to it are set aside to the retry schedule without using an attempt if the host is "
                    + "slow but its requests succeed, or fail fast if it is failing (an attempt recorded as not sent, "
                    + "retried on the schedule, so a dead host's deliveries still end; never a delivery's last "
                    + "attempt, which is always a request), so it cannot stall the others");
    public static final ConfigKey HOST_MAX_WAIT = ConfigKey.of("hookline.dispatcher.host-max-wait", "10s",
            "the longest a host's full queue may hold up the partitions waiting for it: a host that would not start "
                    + "half its queue within this time (at its current limit and the time its requests usually take, "
                    + "failures included) counts as slow, and deliveries beyond its queue are set aside (or fail fast "
                    + "when the host is failing) instead; a delivery set aside is tried again after about this long");
    public static final ConfigKey RETRY_DELAYS = ConfigKey.of("hookline.dispatcher.retry-delays", "1s,5s,15s,40s",
            "delays before each retry, comma separated durations (500ms, 5s, 2m); their count is the number of retries after "
                    + "the first attempt; empty disables retries");
    public static final ConfigKey RETRY_JITTER = ConfigKey.of("hookline.dispatcher.retry-jitter", "0.2",
            "random spread of each retry delay, as a fraction (0.2 = +-20 %)");
    public static final ConfigKey RETRY_AFTER_MAX = ConfigKey.of("hookline.dispatcher.retry-after-max", "60s",
            "longest delay a Retry-After response header may ask for; it never shortens the scheduled delay");
    public static final ConfigKey SHUTDOWN_GRACE = ConfigKey.of("hookline.dispatcher.shutdown-grace", "10s",
            "how long close() waits for requests in flight before leaving them to be redelivered");

    /** The dispatcher's own keys. */
    public static final List<ConfigKey> OWN = List.of(MAX_IN_FLIGHT, MAX_IN_FLIGHT_PER_HOST, RETRY_MAX_IN_FLIGHT,
            RETRY_MAX_IN_FLIGHT_PER_HOST, INTERACTION_MAX_IN_FLIGHT, INTERACTION_MAX_IN_FLIGHT_PER_HOST, MAX_PENDING,
            MAX_QUEUED_PER_HOST, HOST_MAX_WAIT, RETRY_DELAYS, RETRY_JITTER, RETRY_AFTER_MAX, SHUTDOWN_GRACE);

    /**
     * The keys named after Mattermost's settings of the same meaning (and beside them the connect timeout and the
     * User-Agent, which Mattermost fixes).
     */
    public static final List<ConfigKey> MATTERMOST = List.of(ALLOWED_UNTRUSTED_INTERNAL_CONNECTIONS,
            CONNECT_TIMEOUT, ENABLE_INSECURE_OUTGOING_CONNECTIONS, USER_AGENT);

    /** Shared keys the dispatcher honours. */
    public static final List<ConfigKey> SHARED = List.of(Settings.BOOTSTRAP_SERVERS, Settings.APPLICATION_ID_PREFIX,
            Settings.OUTGOING_INTEGRATION_REQUESTS_TIMEOUT);

    /** Every key the dispatcher reads (its own first), for {@code hookline config}-style listings. */
    public static final List<ConfigKey> ALL = concat(concat(OWN, MATTERMOST), SHARED);

    private DispatcherSettings() {
    }

    private static List<ConfigKey> concat(List<ConfigKey> a, List<ConfigKey> b) {
        var all = new java.util.ArrayList<ConfigKey>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
