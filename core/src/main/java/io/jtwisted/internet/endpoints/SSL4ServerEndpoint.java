package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IStreamServerEndpoint;
import io.jtwisted.internet.ssl.IServerConnectionCreator;
import io.jtwisted.protocols.tls.TLSMemoryBIOFactory;

/**
 * Listens for TLS over TCP on IPv4, as Twisted's {@code SSL4ServerEndpoint}: every accepted
 * connection's protocol runs over a TLS layer set up by {@code sslContextFactory} (usually a
 * {@link io.jtwisted.internet.ssl.CertificateOptions}). A client that fails the handshake is
 * logged and closed; the others go on.
 */
public final class SSL4ServerEndpoint implements IStreamServerEndpoint {
    private final IReactorTCP reactor;
    private final int port;
    private final IServerConnectionCreator sslContextFactory;
    private final int backlog;
    private final String iface;

    /** Backlog 50, every IPv4 interface. */
    public SSL4ServerEndpoint(IReactorTCP reactor, int port, IServerConnectionCreator sslContextFactory) {
        this(reactor, port, sslContextFactory, IReactorTCP.DEFAULT_BACKLOG, "");
    }

    public SSL4ServerEndpoint(
            IReactorTCP reactor, int port, IServerConnectionCreator sslContextFactory, int backlog, String iface) {
        this.reactor = reactor;
        this.port = port;
        this.sslContextFactory = sslContextFactory;
        this.backlog = backlog;
        this.iface = iface;
    }

    /** Listens now; the Deferred has fired (with the port or the CannotListenError) when this returns. */
    @Override
    public Deferred<IListeningPort> listen(IProtocolFactory factory) {
        return Deferred.maybeDeferred(() -> reactor.listenTCP(
                port,
                new TLSMemoryBIOFactory(
                        sslContextFactory, false, factory, reactor instanceof IReactorThreads threads ? threads : null),
                backlog,
                iface));
    }

    /** The port to listen on; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** The TLS settings of each connection. */
    public IServerConnectionCreator sslContextFactory() {
        return sslContextFactory;
    }

    /** The address to bind ({@code ""}: every interface). */
    public String iface() {
        return iface;
    }

    @Override
    public String toString() {
        return "SSL4ServerEndpoint(port=" + port + ", backlog=" + backlog + ", interface='" + iface + "')";
    }
}
