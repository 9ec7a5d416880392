package io.hookline.dispatcher.ssrf;

import java.util.List;

/**
 * Address blocks a callback may not reach unless allowed: Mattermost's reserved list extended with every
 * special-purpose block of RFC 6890 and its successors that is not globally reachable unicast.
 */
final class ReservedRanges {

    /** The blocks with what they are, for documentation and tests. */
    public static final List<String> CIDRS = List.of(
            "0.0.0.0/8",          // "this network", includes the unspecified address
            "10.0.0.0/8",         // private use
            "100.64.0.0/10",      // carrier-grade NAT shared space
            "127.0.0.0/8",        // loopback
            "169.254.0.0/16",     // link local, includes cloud metadata 169.254.169.254
            "172.16.0.0/12",      // private use
            "192.0.0.0/24",       // IETF protocol assignments
            "192.0.2.0/24",       // documentation TEST-NET-1
            "192.88.99.0/24",     // deprecated 6to4 relay anycast
            "192.168.0.0/16",     // private use
            "198.18.0.0/15",      // benchmarking
            "198.51.100.0/24",    // documentation TEST-NET-2
            "203.0.113.0/24",     // documentation TEST-NET-3
            "224.0.0.0/4",        // multicast
            "240.0.0.0/4",        // reserved, includes broadcast 255.255.255.255
            "::/128",             // unspecified
            "::1/128",            // loopback
            "::/96",              // deprecated IPv4-compatible IPv6
            "64:ff9b::/96",       // NAT64 well-known prefix
            "64:ff9b:1::/48",     // NAT64 local use
            "100::/64",           // discard only
            "2001::/23",          // IETF protocol assignments (Teredo, benchmarking, ...)
            "2001:db8::/32",      // documentation
            "2002::/16",          // 6to4
            "fc00::/7",           // unique local
            "fe80::/10",          // link local
            "fec0::/10",          // deprecated site local
            "ff00::/8");          // multicast

    public static final List<IpRange> RANGES = CIDRS.stream().map(IpRange::parse).toList();

    private ReservedRanges() {
    }
}
