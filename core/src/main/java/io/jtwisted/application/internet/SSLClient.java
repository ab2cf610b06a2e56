package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IReactorSSL;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Connects to a TLS server while it runs, as Twisted's {@code internet.SSLClient}: calls
 * {@link IReactorSSL#connectSSL} with its arguments when it starts, and disconnects when it stops.
 */
public class SSLClient extends ConnectingService {
    private final String host;
    private final int port;
    private final IClientFactory factory;
    private final IClientConnectionCreator contextFactory;
    private final double timeout;
    private final @Nullable InetSocketAddress bindAddress;
    private @Nullable IReactorSSL reactor; // null: the global reactor

    /** Connects to {@code host}:{@code port} with TLS set up by {@code contextFactory}, within 30 seconds. */
    public SSLClient(String host, int port, IClientFactory factory, IClientConnectionCreator contextFactory) {
        this(host, port, factory, contextFactory, IReactorTCP.DEFAULT_TIMEOUT, null);
    }

    /** Connects as {@link IReactorSSL#connectSSL(String, int, IClientFactory, IClientConnectionCreator, double, InetSocketAddress)} does. */
    public SSLClient(
            String host,
            int port,
            IClientFactory factory,
            IClientConnectionCreator contextFactory,
            double timeout,
            @Nullable InetSocketAddress bindAddress) {
        this.host = host;
        this.port = port;
        this.factory = factory;
        this.contextFactory = contextFactory;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
    }

    /** Makes the service connect through {@code reactor} instead of the global one; returns this service. */
    public SSLClient setReactor(IReactorSSL reactor) {
        this.reactor = reactor;
        return this;
    }

    @Override
    IConnector connect() {
        return (reactor != null ? reactor : Reactor.reactor)
                .connectSSL(host, port, factory, contextFactory, timeout, bindAddress);
    }
}
