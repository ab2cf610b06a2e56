package io.jtwisted.internet.testing;

import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import java.net.InetSocketAddress;
import org.jspecify.annotations.Nullable;

/**
 * A reactor whose every listen and connect call throws the exception it was given, as Twisted's
 * {@code RaisingMemoryReactor}: for testing how code handles a port that cannot be opened or a
 * connection attempt that fails at once.
 */
public class RaisingMemoryReactor implements IReactorTCP {
    private final RuntimeException listenException;
    private final RuntimeException connectException;

    /**
     * @param listenException thrown by every listen call ({@code null}: an
     *     {@link UnsupportedOperationException})
     * @param connectException thrown by every connect call (same default)
     */
    public RaisingMemoryReactor(RuntimeException listenException, RuntimeException connectException) {
        this.listenException = listenException;
        this.connectException = connectException;
    }

    /** Throws the listen exception. */
    @Override
    public IListeningPort listenTCP(int port, IProtocolFactory factory, int backlog, String iface) {
        throw listenException != null ? listenException : new UnsupportedOperationException("listenTCP");
    }

    /** Throws the connect exception. */
    @Override
    public IConnector connectTCP(
            String host, int port, IClientFactory factory, double timeout, @Nullable InetSocketAddress bindAddress) {
        throw connectException != null ? connectException : new UnsupportedOperationException("connectTCP");
    }
}
