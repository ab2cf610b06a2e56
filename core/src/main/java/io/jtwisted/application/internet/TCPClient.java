package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IReactorTCP;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Connects to a TCP server while it runs, as Twisted's {@code internet.TCPClient}: calls
 * {@link IReactorTCP#connectTCP} with its arguments when it starts, and disconnects when it stops. It
 * connects once; to stay connected, give it a {@code ReconnectingClientFactory}, or use {@link ClientService}.
 */
public class TCPClient extends ConnectingService {
    private final String host;
    private final int port;
    private final IClientFactory factory;
    private final double timeout;
    private final @Nullable InetSocketAddress bindAddress;
    private @Nullable IReactorTCP reactor; // null: the global reactor

    /** Connects to {@code host}:{@code port} with a 30 second timeout. */
    public TCPClient(String host, int port, IClientFactory factory) {
        this(host, port, factory, IReactorTCP.DEFAULT_TIMEOUT, null);
    }

    /** Connects as {@link IReactorTCP#connectTCP(String, int, IClientFactory, double, InetSocketAddress)} does. */
    public TCPClient(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress) {
        this.host = host;
        this.port = port;
        this.factory = factory;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
    }

    /** Makes the service connect through {@code reactor} instead of the global one; returns this service. */
    public TCPClient setReactor(IReactorTCP reactor) {
        this.reactor = reactor;
        return this;
    }

    @Override
    IConnector connect() {
        return (reactor != null ? reactor : Reactor.reactor).connectTCP(host, port, factory, timeout, bindAddress);
    }
}
