package io.jtwisted.internal.tcp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * The TCP side of one reactor: {@code listenTCP} and {@code connectTCP}. Ports, connections and
 * connection attempts register with the loop as selectables, so reactor shutdown reaches each
 * (ports stop and stop their factory, connections report {@code connectionLost}) without a list
 * kept here.
 */
public final class TcpSupport {
    private final EventLoop reactor;

    public TcpSupport(EventLoop reactor) {
        this.reactor = reactor;
    }

    /** {@code IReactorTCP.listenTCP}. */
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
        return listenTCP(port, factory, backlog, iface, false);
    }

    /** {@code IReactorTCP.listenTCP} with {@code ListenOptions}: {@code reusePort} sets {@code SO_REUSEPORT}. */
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface, boolean reusePort) {
        Port listening = new Port(reactor, port, factory, backlog, iface, reusePort);
        listening.startListening();
        return listening;
    }

    /** {@code IReactorTCP.connectTCP}. */
    public IConnector connectTCP(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535, got " + port);
        }
        Connector connector = new Connector(reactor, host, port, factory, timeout, bindAddress);
        connector.connect();
        return connector;
    }
}
