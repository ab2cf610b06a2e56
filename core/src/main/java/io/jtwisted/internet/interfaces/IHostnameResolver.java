package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.defer.Deferred;
import java.net.InetAddress;
import java.util.List;

/**
 * Resolves host names for connecting, as Twisted's {@code IHostnameResolver}: what
 * {@code connectTCP} and {@code HostnameEndpoint} use for a name that is not an IP literal, through
 * {@link IReactorPluggableNameResolver#nameResolver()}.
 */
@FunctionalInterface
public interface IHostnameResolver {
    /**
     * Every address of {@code hostName}, in the order to try them; fires on the reactor thread.
     * Fails with {@link io.jtwisted.internet.error.DNSLookupError} when the name has none.
     */
    Deferred<List<InetAddress>> resolveHostName(String hostName);
}
