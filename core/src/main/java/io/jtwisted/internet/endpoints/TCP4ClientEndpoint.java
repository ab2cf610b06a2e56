package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Connects over TCP to a host name or IPv4 address, as Twisted's {@code TCP4ClientEndpoint}. A
 * name is resolved (off the reactor thread) for each connection attempt.
 */
public class TCP4ClientEndpoint implements IStreamClientEndpoint {
    private final IReactorTCP reactor;
    private final String host;
    private final int port;
    private final double timeout;
    private final @Nullable InetSocketAddress bindAddress;

    /** Timeout 30 seconds, no bind address. */
    public TCP4ClientEndpoint(IReactorTCP reactor, String host, int port) {
        this(reactor, host, port, IReactorTCP.DEFAULT_TIMEOUT, null);
    }

    public TCP4ClientEndpoint(
            IReactorTCP reactor, String host, int port, double timeout, @Nullable InetSocketAddress bindAddress) {
        this.reactor = reactor;
        this.host = host;
        this.port = port;
        this.timeout = timeout;
        this.bindAddress = bindAddress;
    }

    @Override
    public Deferred<IProtocol> connect(IProtocolFactory factory) {
        try {
            WrappingFactory wrapping = new WrappingFactory(factory);
            reactor.connectTCP(host, port, wrapping, timeout, bindAddress);
            return wrapping.onConnection();
        } catch (RuntimeException e) {
            return Deferred.fail(e);
        }
    }

    /** The host name or address to connect to. */
    public String host() {
        return host;
    }

    /** The port to connect to. */
    public int port() {
        return port;
    }

    /** Seconds to wait for the connection before failing with a timeout. */
    public double timeout() {
        return timeout;
    }

    /** The local address to bind before connecting, or {@code null}. */
    public @Nullable InetSocketAddress bindAddress() {
        return bindAddress;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(host='" + host + "', port=" + port + ", timeout=" + timeout + ")";
    }
}
