package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.interfaces.IReactorTCP;

/** Listens on an IPv6 TCP port (and IPv4 where the system maps it), as Twisted's {@code TCP6ServerEndpoint}. */
public class TCP6ServerEndpoint extends TCPServerEndpoint {
    /** Every interface ("::"), backlog 50. */
    public TCP6ServerEndpoint(IReactorTCP reactor, int port) {
        this(reactor, port, IReactorTCP.DEFAULT_BACKLOG, "::");
    }

    /** {@code iface}: an IPv6 address to bind, {@code "::"} for all. */
    public TCP6ServerEndpoint(IReactorTCP reactor, int port, int backlog, String iface) {
        super(reactor, port, backlog, iface);
    }

    /** Listens with {@code options} (an IPv6 interface, {@code reusePort} ...). */
    public TCP6ServerEndpoint(IReactorTCP reactor, int port, IReactorTCP.ListenOptions options) {
        super(reactor, port, options);
    }
}
