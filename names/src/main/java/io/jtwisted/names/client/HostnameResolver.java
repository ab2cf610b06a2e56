package io.jtwisted.names.client;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.interfaces.IHostnameResolver;
import io.jtwisted.names.common.IResolver;
import io.jtwisted.names.common.LookupResult;
import io.jtwisted.names.dns.Dns;
import io.jtwisted.names.dns.RRHeader;
import io.jtwisted.names.dns.RecordA;
import io.jtwisted.names.dns.RecordAAAA;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Host-name resolution for connecting, over any {@link IResolver} and without a thread: the
 * addresses of a name as Twisted's {@code IHostnameResolver} gives them to {@code HostnameEndpoint}
 * and {@code connectTCP}. It asks for AAAA and A at once and fires with the IPv6 addresses, then
 * the IPv4 ones (the order getaddrinfo gives by default), or fails with {@link DNSLookupError}
 * when the name has none.
 *
 * <p>Installed on a reactor ({@code reactor.installNameResolver(new HostnameResolver(resolver))}),
 * it replaces the system's blocking lookup on the thread pool for {@code connectTCP} and
 * {@code HostnameEndpoint}, as Twisted's {@code reactor.installNameResolver}.
 */
public final class HostnameResolver implements IHostnameResolver {
    private final IResolver resolver;

    /** Resolution through {@code resolver} (a {@link Resolver}, or {@link Client#getResolver()}). */
    public HostnameResolver(IResolver resolver) {
        this.resolver = resolver;
    }

    /** Every address of {@code host}: IPv6 first, then IPv4, each in the order of the answers. */
    @Override
    public Deferred<List<InetAddress>> resolveHostName(String host) {
        Deferred<LookupResult> v6 = resolver.lookupIPV6Address(host).addErrback(failure -> LookupResult.EMPTY);
        Deferred<LookupResult> v4 = resolver.lookupAddress(host).addErrback(failure -> LookupResult.EMPTY);
        return Deferred.gatherResults(List.of(v6, v4)).addCallbackDeferring(results -> {
            List<InetAddress> addresses = new ArrayList<>();
            for (LookupResult result : results) {
                for (RRHeader record : result.answers()) {
                    if (record.type() == Dns.AAAA) {
                        addresses.add(((RecordAAAA) record.payload()).toInetAddress());
                    } else if (record.type() == Dns.A) {
                        addresses.add(((RecordA) record.payload()).toInetAddress());
                    }
                }
            }
            if (addresses.isEmpty()) {
                return Deferred.fail(new DNSLookupError("no results for hostname lookup: " + host));
            }
            return Deferred.succeed(addresses);
        });
    }
}
