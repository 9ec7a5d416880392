package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code hookline.allowed-untrusted-internal-connections}, with Mattermost's meaning: a host name entry trusts a URL
 * with that host, whatever it resolves to; an IP entry trusts only a URL written with that literal IP; only a CIDR
 * entry allows internal addresses that a host name resolves to (or a literal IP inside it). An entry that can match
 * nothing is kept as ignored, so that start-up can warn about it (Mattermost ignores such entries silently).
 */
public final class AllowList {

    public static final AllowList NONE = new AllowList(List.of());

    /** How an entry was read. */
    public enum Kind { HOST, IP, CIDR, IGNORED }

    /**
     * One entry as written and how it was read.
     *
     * @param reading what the entry allows, or why it is ignored
     */
    public record Entry(String text, Kind kind, String reading) {
    }

    /** Go's net.ParseIP accepts no leading zero in an IPv4 part; Java's parser would. */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    /** Characters Go accepts in a URL's host name besides letters and digits (non-ASCII ones are checked apart). */
    private static final String HOST_PUNCTUATION = "-_.~!$&'()*+,;=";

    private final List<Entry> entries;
    private final Set<String> hosts = new LinkedHashSet<>();
    private final Set<String> ips = new LinkedHashSet<>();
    private final List<IpRange> ranges = new ArrayList<>();

    private AllowList(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            switch (e.kind()) {
                case HOST -> hosts.add(e.text().toLowerCase(Locale.ROOT));
                case IP -> ips.add(Arrays.toString(AddressPolicy.canonical(ipLiteral(e.text()).getAddress())));
                case CIDR -> ranges.add(IpRange.parse(e.text()));
                case IGNORED -> { }
            }
        }
    }

    /** Parses entries separated by spaces or commas; never fails, an entry that can match nothing is ignored. */
    public static AllowList parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (String text : value.trim().split("[\\s,]+")) {
            if (!text.isEmpty()) {
                entries.add(read(text));
            }
        }
        return new AllowList(entries);
    }

    private static Entry read(String text) {
        int slash = text.indexOf('/');
        if (slash >= 0) {
            String bits = text.substring(slash + 1);
            InetAddress network = ipLiteral(text.substring(0, slash));
            if (network == null || !bits.matches("\\d+")
                    || bits.length() > 9 || Integer.parseInt(bits) > network.getAddress().length * 8) {
                return new Entry(text, Kind.IGNORED, "ignored: neither a host name, an IP address nor a CIDR block "
                        + "(ADDRESS/BITS, BITS at most 32 for IPv4 and 128 for IPv6)");
            }
            return new Entry(text, Kind.CIDR, "CIDR: any address in " + IpRange.parse(text)
                    + ", also those a host name resolves to");
        }
        if (ipLiteral(text) != null) {
            return new Entry(text, Kind.IP, "IP: callback URLs written with this address (not host names that "
                    + "resolve to it; list a CIDR such as " + text + (text.contains(":") ? "/128" : "/32")
                    + " for those)");
        }
        String problem = hostNameProblem(text);
        if (problem != null) {
            return new Entry(text, Kind.IGNORED, "ignored: " + problem);
        }
        return new Entry(text, Kind.HOST, "host: callback URLs with this host name, whatever it resolves to");
    }

    /** Why {@code text} can never equal a callback URL's host, or null when it can. */
    private static String hostNameProblem(String text) {
        if (text.startsWith("[")) {
            return "an IPv6 address is written without brackets";
        }
        if (text.contains(":")) {
            return "a host name is written without scheme or port";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return "an internationalised host name is written in punycode (xn--...), as it is looked up";
            }
            if (!(Character.isLetterOrDigit(c) || HOST_PUNCTUATION.indexOf(c) >= 0)) {
                return "'" + c + "' cannot be part of a host name";
            }
        }
        return null;
    }

    /** A literal IP address as Go's net.ParseIP reads it (no brackets, no zone); null otherwise. Never a lookup. */
    private static InetAddress ipLiteral(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        return IpRange.literal(text);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The entries that can match nothing, for a start-up warning. */
    public List<Entry> ignored() {
        return entries.stream().filter(e -> e.kind() == Kind.IGNORED).toList();
    }

    /**
     * Whether a callback to {@code host} (as in the URL: a name, or an IP literal without brackets) is trusted as
     * is: a listed host name, or a literal IP that is listed.
     */
    public boolean trustsHost(String host) {
        InetAddress literal = IpRange.literal(host);
        if (literal != null) {
            return ips.contains(Arrays.toString(AddressPolicy.canonical(literal.getAddress())));
        }
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Whether a listed CIDR block contains {@code address} (canonical form). */
    public boolean allows(byte[] address) {
        for (IpRange r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AllowList other && other.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "AllowList" + entries;
    }
}
