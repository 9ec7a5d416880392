package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A CIDR block such as {@code 10.0.0.0/8} or {@code fe80::/10}. Addresses of the other family are never inside. */
record IpRange(byte[] network, int prefixLength) {

    public IpRange {
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range");
        }
    }

    /**
     * Parses {@code ADDRESS/BITS} or a bare address (a single-address range). Only literals are accepted: this never
     * performs a DNS lookup.
     */
    public static IpRange parse(String cidr) {
        String text = cidr.trim();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        InetAddress parsed = literal(address);
        if (parsed == null) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
        }
        byte[] bytes = parsed.getAddress();
        int bits;
        try {
            bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
        }
        if (bits < 0 || bits > bytes.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
        }
        return new IpRange(bytes, bits);
    }

    /** Whether {@code address} (in canonical form: IPv4-mapped IPv6 as IPv4) lies in this block. */
    public boolean contains(InetAddress address) {
        return contains(address.getAddress());
    }

    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (network[full] & mask);
    }

    /**
     * Parses an IP literal (dotted IPv4 or IPv6, optionally in brackets) without any DNS lookup; null when
     * {@code text} is not one.
     */
    public static InetAddress literal(String text) {
        String t = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean v4 = t.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = t.contains(":") && t.matches("[0-9a-fA-F:.%\\w]+");
        if (!v4 && !v6) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (UnknownHostException e) {
            return "?/" + prefixLength;
        }
    }
}
