package io.jtwisted.internet.interfaces;

import java.net.InetSocketAddress;

/** TCP servers and clients: Twisted's {@code IReactorTCP}. Call these on the reactor thread. */
public interface IReactorTCP extends IReactor {
    /** Twisted's default backlog. */
    int DEFAULT_BACKLOG = 50;
    /** Twisted's default connect timeout, in seconds. */
    double DEFAULT_TIMEOUT = 30;

    /**
     * Listens on {@code port} (0 lets the system pick one, see {@link IListeningPort#getHost()})
     * of {@code iface}: {@code ""} for every IPv4 interface, an IPv4 or IPv6 literal
     * ({@code "::"} for every interface, both families where the system allows it), or a host
     * name, resolved when listening starts (as Twisted's {@code bind} does). Each
     * accepted connection gets a protocol from {@code factory}; the factory's {@code doStart}
     * runs now and its {@code doStop} when the port stops listening.
     *
     * @throws io.jtwisted.internet.error.CannotListenError if the port cannot be bound
     */
    IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface);

    /** {@link #listenTCP(int, IProtocolFactory, int, String)} on every IPv4 interface, backlog 50. */
    default IListeningPort listenTCP(int port, IProtocolFactory factory) {
        return listenTCP(port, factory, DEFAULT_BACKLOG, "");
    }

    /** {@link #listenTCP(int, IProtocolFactory, int, String)} on every IPv4 interface. */
    default IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog) {
        return listenTCP(port, factory, backlog, "");
    }

    /**
     * Connects to {@code host} (a name, resolved off the reactor thread for each attempt, or an
     * IPv4/IPv6 literal) on {@code port}. The factory hears {@code startedConnecting}, then either
     * {@code buildProtocol} and later {@code clientConnectionLost}, or
     * {@code clientConnectionFailed} (refused, unknown host, {@code timeout} seconds passed, ...).
     *
     * @param bindAddress the local address to bind before connecting, or {@code null}
     */
    IConnector connectTCP(String host, int port, IClientFactory factory, double timeout, InetSocketAddress bindAddress);

    /** {@link #connectTCP(String, int, IClientFactory, double, InetSocketAddress)} with a 30 s timeout. */
    default IConnector connectTCP(String host, int port, IClientFactory factory) {
        return connectTCP(host, port, factory, DEFAULT_TIMEOUT, null);
    }

    /** {@link #connectTCP(String, int, IClientFactory, double, InetSocketAddress)} without bind address. */
    default IConnector connectTCP(String host, int port, IClientFactory factory, double timeout) {
        return connectTCP(host, port, factory, timeout, null);
    }
}
