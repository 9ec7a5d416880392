package io.hookline.dispatcher.ssrf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class AddressPolicyTest {

    private final AddressPolicy strict = new AddressPolicy(AllowList.NONE, Set.of());

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "100.64.0.1", "100.127.255.254",
            "127.0.0.1", "127.255.255.255", "169.254.169.254", "172.16.0.1", "172.31.255.255", "192.0.0.8",
            "192.0.2.1", "192.88.99.1", "192.168.1.1", "198.18.0.1", "198.19.255.255", "198.51.100.7",
            "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "::127.0.0.1", "fc00::1", "fdff:ffff::1", "fe80::1", "febf::1", "fec0::1", "ff02::1",
            "64:ff9b::7f00:1", "64:ff9b:1::1", "100::1", "2001::1", "2001:db8::1", "2002:7f00:1::1"})
    void refusesReservedAddresses(String literal) throws Exception {
        InetAddress a = InetAddress.getByName(literal);
        assertThat(strict.allows(a)).as(literal).isFalse();
        assertThat(AddressPolicy.isReserved(a)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.1.1.1", "8.8.8.8", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0",
            "126.255.255.255", "128.0.0.0", "169.253.255.255", "172.15.255.255", "172.32.0.0", "192.0.1.1",
            "192.167.255.255", "192.169.0.0", "198.17.255.255", "198.20.0.0", "223.255.255.255",
            "2606:4700:4700::1111", "2a00:1450:4001::1", "2001:4860:4860::8888", "fbff::1", "fe7f::1"})
    void allowsGlobalAddresses(String literal) throws Exception {
        assertThat(strict.allows(InetAddress.getByName(literal))).as(literal).isTrue();
    }

    @Test
    void ipv4MappedIpv6FormsAreVettedAsTheirIpv4Address() throws Exception {
        byte[] mappedLoopback = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        // Inet6Address.getByAddress keeps the IPv6 form, as a hostile resolver might hand it over
        InetAddress a = Inet6Address.getByAddress("evil", mappedLoopback, -1);
        assertThat(a).isInstanceOf(Inet6Address.class);
        assertThat(strict.allows(a)).isFalse();
        byte[] mappedPublic = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 8, 8, 8, 8};
        assertThat(strict.allows(Inet6Address.getByAddress("ok", mappedPublic, -1))).isTrue();
        AddressPolicy allowLoopback = new AddressPolicy(AllowList.parse("127.0.0.0/8"), Set.of());
        assertThat(allowLoopback.allows(a)).isTrue();
    }

    @Test
    void ownAddressesAreRefusedEvenWhenGlobal() throws Exception {
        InetAddress own = InetAddress.getByName("8.8.4.4");
        AddressPolicy p = new AddressPolicy(AllowList.NONE, Set.of(own));
        assertThat(p.allows(own)).isFalse();
        assertThat(new AddressPolicy(AllowList.parse("8.8.4.4/32"), Set.of(own)).allows(own)).isTrue();
        AddressPolicy listedIp = new AddressPolicy(AllowList.parse("8.8.4.4"), Set.of(own));
        assertThat(listedIp.allows(own)).as("an IP entry allows no resolved address").isFalse();
        assertThat(listedIp.trustsHost("8.8.4.4")).as("only the URL written with it").isTrue();
    }

    @Test
    void allowListHasMattermostsMeaning() throws Exception {
        AllowList list = AllowList.parse(" internal.example.com,10.1.0.0/16  192.168.5.5 ,fd00::/8,::1");
        assertThat(list.entries()).extracting(AllowList.Entry::kind).containsExactly(AllowList.Kind.HOST,
                AllowList.Kind.CIDR, AllowList.Kind.IP, AllowList.Kind.CIDR, AllowList.Kind.IP);
        AddressPolicy p = new AddressPolicy(list, Set.of());
        // a host entry: the URL's host name, whatever it resolves to
        assertThat(p.trustsHost("INTERNAL.example.com")).isTrue();
        assertThat(p.trustsHost("other.example.com")).isFalse();
        // an IP entry: only a URL written with that literal address
        assertThat(p.trustsHost("192.168.5.5")).isTrue();
        assertThat(p.trustsHost("::1")).isTrue();
        assertThat(p.trustsHost("192.168.5.6")).isFalse();
        assertThat(p.allows(InetAddress.getByName("192.168.5.5"))).as("not what a host name resolves to").isFalse();
        assertThat(p.allows(InetAddress.getByName("::1"))).isFalse();
        // a CIDR entry: any address inside, resolved or literal
        assertThat(p.allows(InetAddress.getByName("10.1.2.3"))).isTrue();
        assertThat(p.allows(InetAddress.getByName("10.2.0.1"))).isFalse();
        assertThat(p.allows(InetAddress.getByName("fd12::1"))).isTrue();
        assertThat(p.allows(InetAddress.getByName("fc00::1"))).isFalse();
        // a trusted host name keeps every resolved address, an untrusted one only the vetted ones
        List<InetAddress> resolved = List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("1.2.3.4"));
        assertThat(p.vet("internal.example.com", resolved)).isEqualTo(resolved);
        assertThat(p.vet("other.example.com", resolved)).containsExactly(InetAddress.getByName("1.2.3.4"));
    }

    @Test
    void withLoopbackListedByIpLocalhostStaysForbidden() throws Exception {
        AddressPolicy p = new AddressPolicy(AllowList.parse("127.0.0.1"), Set.of());
        VettingDns dns = new VettingDns(host -> List.of(InetAddress.getByName("127.0.0.1")), p);
        assertThatThrownBy(() -> dns.lookup("localhost")).isInstanceOf(ForbiddenAddressException.class);
        assertThat(p.trustsHost("127.0.0.1")).isTrue();
        VettingDns named = new VettingDns(host -> List.of(InetAddress.getByName("127.0.0.1")),
                new AddressPolicy(AllowList.parse("127.0.0.1 localhost"), Set.of()));
        assertThat(named.lookup("localhost")).containsExactly(InetAddress.getByName("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "10.0.0.0/40", "nonsense/8", "::1/129", "010.0.0.1/8", "[::1]",
        "localhost:8080", "http://hooks.example", "b\u00fccher.example", "hooks|example"})
    void anEntryThatCanMatchNothingIsIgnoredNotAnError(String entry) {
        AllowList list = AllowList.parse("hooks.example " + entry);
        assertThat(list.ignored()).extracting(AllowList.Entry::text).containsExactly(entry);
        assertThat(list.ignored().get(0).reading()).startsWith("ignored: ");
        assertThat(list.trustsHost("hooks.example")).isTrue();
    }

    @Test
    void eachEntrySaysHowItWasRead() {
        assertThat(AllowList.parse("db 127.0.0.1 10.0.0.0/8 10.0.0.0/40").entries())
                .extracting(AllowList.Entry::reading).containsExactly(
                        "host: callback URLs with this host name, whatever it resolves to",
                        "IP: callback URLs written with this address (not host names that resolve to it; list a "
                                + "CIDR such as 127.0.0.1/32 for those)",
                        "CIDR: any address in 10.0.0.0/8, also those a host name resolves to",
                        "ignored: neither a host name, an IP address nor a CIDR block (ADDRESS/BITS, BITS at most "
                                + "32 for IPv4 and 128 for IPv6)");
        assertThat(AllowList.parse("  ")).isEqualTo(AllowList.NONE);
    }

    @Test
    void vettingDnsReturnsOnlyVettedAddressesAndRefusesWhenNoneRemain() throws Exception {
        AddressPolicy p = new AddressPolicy(AllowList.NONE, Set.of());
        VettingDns dns = new VettingDns(host -> List.of(InetAddress.getByName("10.0.0.1"),
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("::1")), p);
        assertThat(dns.lookup("mixed.test")).containsExactly(InetAddress.getByName("93.184.215.14"));
        VettingDns internal = new VettingDns(host -> List.of(InetAddress.getByName("169.254.169.254")), p);
        assertThatThrownBy(() -> internal.lookup("metadata.test")).isInstanceOf(ForbiddenAddressException.class)
                .hasMessage("address forbidden, you may need to set hookline.allowed-untrusted-internal-connections "
                        + "to allow an integration access to your internal network");
    }
}
