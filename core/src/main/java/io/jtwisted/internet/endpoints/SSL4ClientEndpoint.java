package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IStreamClientEndpoint;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * Connects over TLS over TCP, as Twisted's {@code SSL4ClientEndpoint}. The Deferred fires with the
 * protocol once the handshake has completed, or fails with the TLS error naming the cause (see
 * {@link TLSWrapperClientEndpoint}). The engine's delegated tasks run on the reactor's thread pool.
 */
public final class SSL4ClientEndpoint implements IStreamClientEndpoint {
    private final TCP4ClientEndpoint tcp;
    private final IClientConnectionCreator sslContextFactory;
    private final TLSWrapperClientEndpoint tls;

    /** Timeout 30 seconds, no bind address. */
    public SSL4ClientEndpoint(IReactorTCP reactor, String host, int port, IClientConnectionCreator sslContextFactory) {
        this(reactor, host, port, sslContextFactory, IReactorTCP.DEFAULT_TIMEOUT, null);
    }

    public SSL4ClientEndpoint(
            IReactorTCP reactor,
            String host,
            int port,
            IClientConnectionCreator sslContextFactory,
            double timeout,
            @Nullable InetSocketAddress bindAddress) {
        this.tcp = new TCP4ClientEndpoint(reactor, host, port, timeout, bindAddress);
        this.sslContextFactory = sslContextFactory;
        this.tls = new TLSWrapperClientEndpoint(
                sslContextFactory, tcp, reactor instanceof IReactorThreads threads ? threads : null);
    }

    @Override
    public Deferred<IProtocol> connect(IProtocolFactory factory) {
        return tls.connect(factory);
    }

    /** The host to connect to. */
    public String host() {
        return tcp.host();
    }

    /** The port to connect to. */
    public int port() {
        return tcp.port();
    }

    /** The TLS settings of each connection. */
    public IClientConnectionCreator sslContextFactory() {
        return sslContextFactory;
    }

    @Override
    public String toString() {
        return "SSL4ClientEndpoint(host='" + tcp.host() + "', port=" + tcp.port() + ", " + sslContextFactory + ")";
    }
}
