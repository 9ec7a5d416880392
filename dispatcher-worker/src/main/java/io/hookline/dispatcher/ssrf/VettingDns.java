package io.hookline.dispatcher.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * OkHttp's name resolution with the SSRF guard: resolves once, vets every address and hands OkHttp only the vetted
 * ones, so the connection can only go to an address that was checked (no second lookup for DNS rebinding).
 */
public final class VettingDns implements Dns {

    /** Resolves a host name; {@link Dns#SYSTEM} in production, an injected answer in tests. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    private final Resolver resolver;
    private final AddressPolicy policy;

    public VettingDns(Resolver resolver, AddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    @Override
    public List<InetAddress> lookup(String hostname) throws UnknownHostException {
        List<InetAddress> vetted = policy.vet(hostname, resolver.resolve(hostname));
        if (vetted.isEmpty()) {
            throw new ForbiddenAddressException();
        }
        return vetted;
    }
}
