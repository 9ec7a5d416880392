package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SSRF decision, free of I/O: may a callback to {@code host} connect to {@code address}? Refused are the
 * {@link ReservedRanges}, the worker's own addresses, and the IPv4-mapped IPv6 form of any of them, unless the
 * {@link AllowList} trusts the host as written in the URL (a host name or IP entry) or a CIDR entry contains the
 * address.
 */
public final class AddressPolicy {

    private final AllowList allowList;
    private final Set<String> ownAddresses;

    /** @param ownAddresses the worker's own interface addresses (Mattermost refuses those too) */
    public AddressPolicy(AllowList allowList, Set<InetAddress> ownAddresses) {
        this.allowList = allowList;
        this.ownAddresses = ownAddresses.stream().map(a -> Arrays.toString(canonical(a.getAddress())))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** A policy that knows the addresses of this machine's network interfaces. */
    public static AddressPolicy withOwnAddresses(AllowList allowList) {
        return new AddressPolicy(allowList, interfaceAddresses());
    }

    /** Whether a callback to {@code host}, as written in its URL, may connect wherever the host leads. */
    public boolean trustsHost(String host) {
        return allowList.trustsHost(host);
    }

    /** Whether connecting to {@code address} is allowed when the host is not trusted: global, or in a CIDR entry. */
    public boolean allows(InetAddress address) {
        byte[] bytes = canonical(address.getAddress());
        boolean internal = isReserved(bytes) || ownAddresses.contains(Arrays.toString(bytes));
        return !internal || allowList.allows(bytes);
    }

    /** The addresses a callback to {@code host} may connect to, in resolver order. */
    public List<InetAddress> vet(String host, List<InetAddress> resolved) {
        if (trustsHost(host)) {
            return List.copyOf(resolved);
        }
        List<InetAddress> vetted = new ArrayList<>(resolved.size());
        for (InetAddress a : resolved) {
            if (allows(a)) {
                vetted.add(a);
            }
        }
        return Collections.unmodifiableList(vetted);
    }

    public static boolean isReserved(InetAddress address) {
        return isReserved(canonical(address.getAddress()));
    }

    static boolean isReserved(byte[] canonical) {
        for (IpRange r : ReservedRanges.RANGES) {
            if (r.contains(canonical)) {
                return true;
            }
        }
        return false;
    }

    /** IPv4-mapped IPv6 ({@code ::ffff:a.b.c.d}) becomes the IPv4 address it stands for; others are unchanged. */
    static byte[] canonical(byte[] address) {
        if (address.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= address[i] == 0;
            }
            mapped &= (address[10] & 0xff) == 0xff && (address[11] & 0xff) == 0xff;
            if (mapped) {
                return Arrays.copyOfRange(address, 12, 16);
            }
        }
        return address;
    }

    private static Set<InetAddress> interfaceAddresses() {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .collect(Collectors.toUnmodifiableSet());
        } catch (SocketException e) {
            return Set.of();
        }
    }
}
