package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.DNSLookupError;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Connects over TCP to an IPv6 address, as Twisted's {@code TCP6ClientEndpoint}: a host name is
 * first resolved (off the reactor thread) to its IPv6 addresses and the first one is used.
 */
public class TCP6ClientEndpoint extends TCP4ClientEndpoint {
    private final IReactorTCP reactor;

    /** Timeout 30 seconds, no bind address. */
    public TCP6ClientEndpoint(IReactorTCP reactor, String host, int port) {
        this(reactor, host, port, IReactorTCP.DEFAULT_TIMEOUT, null);
    }

    public TCP6ClientEndpoint(
            IReactorTCP reactor, String host, int port, double timeout, @Nullable InetSocketAddress bindAddress) {
        super(reactor, host, port, timeout, bindAddress);
        this.reactor = reactor;
    }

    @Override
    public Deferred<IProtocol> connect(IProtocolFactory factory) {
        if (Resolution.isLiteral(host()) || !(reactor instanceof IReactorThreads threads)) {
            return super.connect(factory);
        }
        return Resolution.resolve(threads, host()).addCallbackDeferring(addresses -> {
            for (InetAddress address : addresses) {
                if (address instanceof Inet6Address v6) {
                    String literal = io.jtwisted.internet.address.IPv6Address.textOf(v6);
                    return new TCP4ClientEndpoint(reactor, literal, port(), timeout(), bindAddress()).connect(factory);
                }
            }
            throw new DNSLookupError("no IPv6 address for " + host());
        });
    }
}
