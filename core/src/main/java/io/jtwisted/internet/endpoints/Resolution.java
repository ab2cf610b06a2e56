package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.base.ThreadedResolver;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.interfaces.IHostnameResolver;
import io.jtwisted.internet.interfaces.IReactorPluggableNameResolver;
import io.jtwisted.internet.interfaces.IReactorThreads;
import java.net.InetAddress;
import java.util.List;

/** Name resolution for the endpoints: the reactor's resolver, and what counts as an IP literal. */
final class Resolution {
    private Resolution() {}

    /**
     * Every address of {@code host}: through the reactor's installed resolver when it has one
     * ({@link IReactorPluggableNameResolver}), else the system's on its thread pool; fails with
     * {@link DNSLookupError}.
     */
    static Deferred<List<InetAddress>> resolve(IReactorThreads reactor, String host) {
        IHostnameResolver resolver = reactor instanceof IReactorPluggableNameResolver pluggable
                ? pluggable.nameResolver()
                : new ThreadedResolver(reactor);
        return resolver.resolveHostName(host);
    }

    /** True if {@code host} is an IP literal (IPv4 dotted quad, or anything with a colon). */
    static boolean isLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return false;
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
