package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorTCP.ListenOptions;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;

/** What the IPv4 and IPv6 TCP server endpoints share: listening on one interface and port. */
abstract class TCPServerEndpoint implements IStreamServerEndpoint {
    private final IReactorTCP reactor;
    private final int port;
    private final int backlog;
    private final String iface;
    private final boolean reusePort;

    TCPServerEndpoint(IReactorTCP reactor, int port, int backlog, String iface) {
        this(reactor, port, new ListenOptions(backlog, iface, false));
    }

    TCPServerEndpoint(IReactorTCP reactor, int port, ListenOptions options) {
        this.reactor = reactor;
        this.port = port;
        this.backlog = options.backlog();
        this.iface = options.iface();
        this.reusePort = options.reusePort();
    }

    /** Listens now; the Deferred has fired (with the port or the CannotListenError) when this returns. */
    @Override
    public Deferred<IListeningPort> listen(IProtocolFactory factory) {
        if (reusePort) {
            return Deferred.maybeDeferred(() -> reactor.listenTCP(port, factory, options()));
        }
        return Deferred.maybeDeferred(() -> reactor.listenTCP(port, factory, backlog, iface));
    }

    /** The backlog, interface and {@code reusePort} this endpoint listens with. */
    public ListenOptions options() {
        return new ListenOptions(backlog, iface, reusePort);
    }

    /** The reactor this endpoint listens with. */
    public IReactorTCP reactor() {
        return reactor;
    }

    /** The port to listen on; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The listen queue length. */
    public int backlog() {
        return backlog;
    }

    /** The address to bind ({@code ""} or {@code "::"}: every interface). */
    public String iface() {
        return iface;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(port=" + port + ", backlog=" + backlog + ", interface='" + iface + "'"
                + (reusePort ? ", reusePort" : "") + ")";
    }
}
