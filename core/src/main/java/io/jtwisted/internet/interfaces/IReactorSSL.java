package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.ssl.IClientConnectionCreator;
import io.jtwisted.internet.ssl.IServerConnectionCreator;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * TLS over TCP servers and clients, as Twisted's {@code IReactorSSL}. Each connection's protocol
 * runs unchanged over TLS; its transport is an {@link ISSLTransport}. Call these on the reactor thread.
 */
public interface IReactorSSL extends IReactor {
    /**
     * As {@link IReactorTCP#listenTCP(int, IProtocolFactory, int, String)}, with TLS on every
     * accepted connection, set up by {@code contextFactory}.
     */
    IListeningPort listenSSL(
            int port, IProtocolFactory factory, IServerConnectionCreator contextFactory, int backlog, String iface);

    /** {@link #listenSSL(int, IProtocolFactory, IServerConnectionCreator, int, String)} on every IPv4 interface, backlog 50. */
    default IListeningPort listenSSL(int port, IProtocolFactory factory, IServerConnectionCreator contextFactory) {
        return listenSSL(port, factory, contextFactory, IReactorTCP.DEFAULT_BACKLOG, "");
    }

    /**
     * As {@link IReactorTCP#connectTCP(String, int, IClientFactory, double, InetSocketAddress)}, with
     * TLS set up by {@code contextFactory} (usually {@code SSL.optionsForClientTLS(host)}); a null
     * {@code bindAddress} binds nothing.
     */
    IConnector connectSSL(
            String host,
            int port,
            IClientFactory factory,
            IClientConnectionCreator contextFactory,
            double timeout,
            @Nullable InetSocketAddress bindAddress);

    /** {@link #connectSSL(String, int, IClientFactory, IClientConnectionCreator, double, InetSocketAddress)} with a 30 s timeout. */
    default IConnector connectSSL(
            String host, int port, IClientFactory factory, IClientConnectionCreator contextFactory) {
        return connectSSL(host, port, factory, contextFactory, IReactorTCP.DEFAULT_TIMEOUT, null);
    }
}
