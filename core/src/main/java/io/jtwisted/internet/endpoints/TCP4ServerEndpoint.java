package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.interfaces.IReactorTCP;

/** Listens on an IPv4 TCP port, as Twisted's {@code TCP4ServerEndpoint}. */
public class TCP4ServerEndpoint extends TCPServerEndpoint {
    /** Every IPv4 interface, backlog 50. */
    public TCP4ServerEndpoint(IReactorTCP reactor, int port) {
        this(reactor, port, IReactorTCP.DEFAULT_BACKLOG, "");
    }

    /** {@code iface}: an IPv4 address to bind, {@code ""} for all. */
    public TCP4ServerEndpoint(IReactorTCP reactor, int port, int backlog, String iface) {
        super(reactor, port, backlog, iface);
    }

    /** Listens with {@code options} (an IPv4 interface, {@code reusePort} ...). */
    public TCP4ServerEndpoint(IReactorTCP reactor, int port, IReactorTCP.ListenOptions options) {
        super(reactor, port, options);
    }
}
