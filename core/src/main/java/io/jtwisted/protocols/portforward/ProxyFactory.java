package io.jtwisted.protocols.portforward;

import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.protocol.Factory;
import org.jspecify.annotations.Nullable;

/**
 * A port forwarder, as Twisted's {@code portforward.ProxyFactory}: each connection accepted is forwarded to
 * {@code host:port}, bytes flowing both ways until either side closes.
 *
 * <pre>{@code
 * reactor.listenTCP(8080, new ProxyFactory("localhost", 80));
 * }</pre>
 */
public class ProxyFactory extends Factory {
    private final String host;
    private final int port;
    private @Nullable IReactorTCP reactor;

    /** Forwards to {@code host:port}. */
    public ProxyFactory(String host, int port) {
        super(ProxyServer::new);
        this.host = host;
        this.port = port;
    }

    /** The destination host. */
    public String host() {
        return host;
    }

    /** The destination port. */
    public int port() {
        return port;
    }

    /** The reactor the forwarded connections are made through ({@code null}: the global one). */
    public @Nullable IReactorTCP reactor() {
        return reactor;
    }

    /** Makes the forwarded connections through {@code reactor}; returns this factory. */
    public ProxyFactory setReactor(IReactorTCP reactor) {
        this.reactor = reactor;
        return this;
    }
}
