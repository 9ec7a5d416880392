package io.hookline.dispatcher.ssrf;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AddressPolicyProperties {

    private final AddressPolicy strict = new AddressPolicy(AllowList.NONE, Set.of());

    @Property
    void everyAddressInsideAReservedBlockIsRefused(@ForAll("reservedV4") byte[] address) throws Exception {
        assertThat(strict.allows(InetAddress.getByAddress(address))).isFalse();
    }

    @Property
    void theDecisionMatchesAnIndependentRangeCheck(@ForAll("anyV4") byte[] address) throws Exception {
        long v = ((address[0] & 0xffL) << 24) | ((address[1] & 0xff) << 16) | ((address[2] & 0xff) << 8)
                | (address[3] & 0xff);
        boolean reserved = in(v, "0.0.0.0", 8) || in(v, "10.0.0.0", 8) || in(v, "100.64.0.0", 10)
                || in(v, "127.0.0.0", 8) || in(v, "169.254.0.0", 16) || in(v, "172.16.0.0", 12)
                || in(v, "192.0.0.0", 24) || in(v, "192.0.2.0", 24) || in(v, "192.88.99.0", 24)
                || in(v, "192.168.0.0", 16) || in(v, "198.18.0.0", 15) || in(v, "198.51.100.0", 24)
                || in(v, "203.0.113.0", 24) || v >= 0xE0000000L;
        assertThat(strict.allows(InetAddress.getByAddress(address))).isEqualTo(!reserved);
    }

    @Property
    void ipv4MappedFormDecidesLikeTheIpv4Address(@ForAll("anyV4") byte[] v4) throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        assertThat(strict.allows(Inet6Address.getByAddress(null, mapped, -1)))
                .isEqualTo(strict.allows(InetAddress.getByAddress(v4)));
    }

    @Property
    void aListedCidrAllowsExactlyItsAddresses(@ForAll("reservedV4") byte[] address,
                                              @ForAll @IntRange(min = 8, max = 32) int bits) throws Exception {
        InetAddress a = InetAddress.getByAddress(address);
        AddressPolicy p = new AddressPolicy(AllowList.parse(a.getHostAddress() + "/" + bits), Set.of());
        assertThat(p.allows(a)).isTrue();
        byte[] outside = address.clone();
        int bit = bits - 1; // flip the last bit of the prefix: outside the block, same reserved /8
        if (bit >= 8) {
            outside[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            InetAddress o = InetAddress.getByAddress(outside);
            assertThat(p.allows(o)).isEqualTo(!AddressPolicy.isReserved(o));
        }
    }

    @Property
    void uniqueLocalAndLinkLocalIpv6AreRefused(@ForAll("ula") byte[] address) throws Exception {
        assertThat(strict.allows(InetAddress.getByAddress(address))).isFalse();
    }

    @Provide
    Arbitrary<byte[]> anyV4() {
        return Arbitraries.bytes().array(byte[].class).ofSize(4);
    }

    @Provide
    Arbitrary<byte[]> reservedV4() {
        Arbitrary<Integer> first = Arbitraries.of(0, 10, 127, 224, 230, 239, 240, 250, 255);
        return first.flatMap(f -> Arbitraries.bytes().array(byte[].class).ofSize(3).map(rest -> new byte[] {
                (byte) (int) f, rest[0], rest[1], rest[2]}));
    }

    @Provide
    Arbitrary<byte[]> ula() {
        return Arbitraries.bytes().array(byte[].class).ofSize(16).flatMap(b -> Arbitraries.of(0, 1, 2).map(kind -> {
            byte[] a = b.clone();
            switch (kind) {
                case 0 -> a[0] = (byte) (0xfc | (a[0] & 1));           // fc00::/7
                case 1 -> {                                             // fe80::/10
                    a[0] = (byte) 0xfe;
                    a[1] = (byte) (0x80 | (a[1] & 0x3f));
                }
                default -> a[0] = (byte) 0xff;                          // ff00::/8
            }
            return a;
        }));
    }

    private static boolean in(long v, String network, int bits) throws Exception {
        byte[] n = InetAddress.getByName(network).getAddress();
        long nv = ((n[0] & 0xffL) << 24) | ((n[1] & 0xff) << 16) | ((n[2] & 0xff) << 8) | (n[3] & 0xff);
        long mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        return (v & mask) == (nv & mask);
    }
}
