package io.hookline.dispatcher.ssrf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code hookline.allowed-untrusted-internal-connections}, with Mattermost's meaning: a host name listed is trusted as
 * is (whatever it resolves to); a reserved address is allowed when it is listed or inside a listed CIDR block.
 */
public record AllowList(Set<String> hosts, List<IpRange> ranges) {

    public static final AllowList NONE = new AllowList(Set.of(), List.of());

    public AllowList {
        hosts = Set.copyOf(hosts);
        ranges = List.copyOf(ranges);
    }

    /** Parses entries separated by spaces or commas; an unparsable CIDR is an error naming it. */
    public static AllowList parse(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        Set<String> hosts = new LinkedHashSet<>();
        List<IpRange> ranges = new ArrayList<>();
        for (String entry : value.trim().split("[\\s,]+")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/")) {
                try {
                    ranges.add(IpRange.parse(entry));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("hookline.allowed-untrusted-internal-connections: "
                            + e.getMessage());
                }
            } else if (IpRange.literal(entry) != null) {
                ranges.add(IpRange.parse(entry));
            } else {
                hosts.add(entry.toLowerCase(Locale.ROOT));
            }
        }
        return new AllowList(hosts, ranges);
    }

    public boolean trustsHost(String host) {
        return hosts.contains(host.toLowerCase(Locale.ROOT));
    }

    public boolean allows(byte[] address) {
        for (IpRange r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
