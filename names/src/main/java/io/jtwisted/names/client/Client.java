package io.jtwisted.names.client;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.names.cache.CacheResolver;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.resolve.ResolverChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The module-level functions of Twisted's {@code twisted.names.client}: {@code client.lookupAddress(name)}
 * is {@code Client.lookupAddress(name)}. They use one shared resolver, made on first use by
 * {@link #createResolver} for the global reactor: {@code /etc/hosts}, then a cache, then the
 * servers of {@code /etc/resolv.conf}. Call them on the reactor thread.
 */
public final class Client {
    private static @Nullable IResolver theResolver; // made on first use

    private Client() {}

    /**
     * A chain of {@code hosts} (a hosts file), a cache and a {@link Resolver} asking
     * {@code servers}, or the servers of {@code resolvConf} when {@code servers} is empty, as
     * Twisted's {@code createResolver}.
     */
    public static <R extends IReactorTCP & IReactorTime> ResolverChain createResolver(
            List<InetSocketAddress> servers, Path resolvConf, Path hosts, R reactor) {
        List<IResolver> chain = new ArrayList<>();
        chain.add(new io.jtwisted.names.hosts.Resolver(
                hosts, io.jtwisted.names.hosts.Resolver.DEFAULT_TTL, reactor, 1.0));
        chain.add(new CacheResolver(reactor));
        try {
            chain.add(
                    servers.isEmpty() ? Resolver.fromResolvConf(resolvConf, reactor) : new Resolver(servers, reactor));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resolvConf, e);
        }
        return new ResolverChain(chain);
    }

    /** The shared resolver (Twisted's {@code getResolver()}), made on first call. */
    public static synchronized IResolver getResolver() {
        if (theResolver == null) {
            theResolver =
                    createResolver(List.of(), Path.of("/etc/resolv.conf"), Path.of("/etc/hosts"), Reactor.reactor);
        }
        return theResolver;
    }

    /** One address of {@code name} as text (see {@link IResolver#getHostByName(String)}). */
    public static Deferred<String> getHostByName(String name) {
        return getResolver().getHostByName(name);
    }

    /** {@link IResolver#lookupAddress(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupAddress(String name) {
        return getResolver().lookupAddress(name);
    }

    /** {@link IResolver#lookupIPV6Address(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupIPV6Address(String name) {
        return getResolver().lookupIPV6Address(name);
    }

    /** {@link IResolver#lookupMailExchange(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupMailExchange(String name) {
        return getResolver().lookupMailExchange(name);
    }

    /** {@link IResolver#lookupNameservers(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupNameservers(String name) {
        return getResolver().lookupNameservers(name);
    }

    /** {@link IResolver#lookupCanonicalName(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupCanonicalName(String name) {
        return getResolver().lookupCanonicalName(name);
    }

    /** {@link IResolver#lookupPointer(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupPointer(String name) {
        return getResolver().lookupPointer(name);
    }

    /** {@link IResolver#lookupAuthority(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupAuthority(String name) {
        return getResolver().lookupAuthority(name);
    }

    /** {@link IResolver#lookupText(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupText(String name) {
        return getResolver().lookupText(name);
    }

    /** {@link IResolver#lookupService(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupService(String name) {
        return getResolver().lookupService(name);
    }

    /** {@link IResolver#lookupNamingAuthorityPointer(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupNamingAuthorityPointer(String name) {
        return getResolver().lookupNamingAuthorityPointer(name);
    }

    /** {@link IResolver#lookupAllRecords(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupAllRecords(String name) {
        return getResolver().lookupAllRecords(name);
    }

    /** {@link IResolver#lookupZone(String)} on the shared resolver. */
    public static Deferred<LookupResult> lookupZone(String name) {
        return getResolver().lookupZone(name);
    }
}
