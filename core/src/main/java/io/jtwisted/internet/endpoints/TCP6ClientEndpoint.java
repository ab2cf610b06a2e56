package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.interfaces.IReactorTCP;
import java.net.InetSocketAddress;

/**
 * Connects over TCP to an IPv6 address (or a name, which is resolved), as Twisted's
 * {@code TCP6ClientEndpoint}.
 */
public class TCP6ClientEndpoint extends TCP4ClientEndpoint {
    /** Timeout 30 seconds, no bind address. */
    public TCP6ClientEndpoint(IReactorTCP reactor, String host, int port) {
        super(reactor, host, port);
    }

    public TCP6ClientEndpoint(IReactorTCP reactor, String host, int port, double timeout, InetSocketAddress bindAddress) {
        super(reactor, host, port, timeout, bindAddress);
    }
}
