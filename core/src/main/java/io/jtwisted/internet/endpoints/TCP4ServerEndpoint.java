package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;

/** Listens on an IPv4 TCP port, as Twisted's {@code TCP4ServerEndpoint}. */
public class TCP4ServerEndpoint implements IStreamServerEndpoint {
    private final IReactorTCP reactor;
    private final int port;
    private final int backlog;
    private final String iface;

    /** Every IPv4 interface, backlog 50. */
    public TCP4ServerEndpoint(IReactorTCP reactor, int port) {
        this(reactor, port, IReactorTCP.DEFAULT_BACKLOG, "");
    }

    /** {@code iface}: an IPv4 address to bind, {@code ""} for all. */
    public TCP4ServerEndpoint(IReactorTCP reactor, int port, int backlog, String iface) {
        this.reactor = reactor;
        this.port = port;
        this.backlog = backlog;
        this.iface = iface;
    }

    /** Listens now; the Deferred has fired (with the port or the CannotListenError) when this returns. */
    @Override
    public Deferred<IListeningPort> listen(IProtocolFactory factory) {
        return Deferred.maybeDeferred(() -> reactor.listenTCP(port, factory, backlog, iface));
    }

    public int port() {
        return port;
    }

    public int backlog() {
        return backlog;
    }

    public String iface() {
        return iface;
    }

    @Override
    public String toString() {
        return "TCP4ServerEndpoint(port=" + port + ", backlog=" + backlog + ", interface='" + iface + "')";
    }
}
