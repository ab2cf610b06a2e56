package io.jtwisted.internet.base;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.interfaces.IHostnameResolver;
import io.jtwisted.internet.interfaces.IReactorThreads;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The default {@link IHostnameResolver}, as Twisted's {@code GAIResolver}: the system's resolver
 * ({@link InetAddress#getAllByName}, which blocks) on the reactor's thread pool, with the answer
 * delivered on the reactor thread. A Deferred cancelled meanwhile is left alone.
 */
public final class ThreadedResolver implements IHostnameResolver {
    private final IReactorThreads reactor;

    /** Resolves on {@code reactor}'s thread pool. */
    public ThreadedResolver(IReactorThreads reactor) {
        this.reactor = reactor;
    }

    @Override
    public Deferred<List<InetAddress>> resolveHostName(String hostName) {
        Deferred<List<InetAddress>> result = new Deferred<>();
        reactor.callInThread(() -> {
            List<InetAddress> found = null;
            String problem = null;
            try {
                found = Arrays.asList(InetAddress.getAllByName(hostName));
            } catch (UnknownHostException e) {
                problem = e.getMessage();
            }
            List<InetAddress> addresses = found;
            String error = problem;
            reactor.callFromThread(() -> {
                if (result.called()) {
                    return; // cancelled meanwhile
                }
                if (addresses == null || addresses.isEmpty()) {
                    result.errback(new DNSLookupError(
                            "no results for hostname lookup: " + hostName + (error == null ? "" : " (" + error + ")")));
                } else {
                    result.callback(addresses);
                }
            });
        });
        return result;
    }

    @Override
    public String toString() {
        return "<ThreadedResolver: the system's resolver on the reactor's thread pool>";
    }
}
