package io.jtwisted.internet;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorSSL;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.internet.ssl.IClientConnectionCreator;
import io.jtwisted.internet.ssl.IServerConnectionCreator;
import io.jtwisted.protocols.tls.TLSMemoryBIOFactory;
import java.net.InetSocketAddress;

/**
 * The reactor: Twisted's event loop. One thread runs it ({@link #run()}); every timer, protocol
 * callback and system event trigger of a reactor runs on that thread, and other threads reach it
 * only through {@link #callFromThread}.
 *
 * <p>{@link #reactor} is the process's default reactor, as {@code from twisted.internet import
 * reactor}: {@code import static io.jtwisted.internet.Reactor.reactor;}. It is created the first
 * time this interface is used, and it handles SIGINT and SIGTERM (by stopping cleanly) when it
 * is run on the main thread. {@link #create()} makes independent reactors, as tests need.
 */
public interface Reactor extends IReactorCore, IReactorTime, IReactorThreads, IReactorTCP, IReactorSSL {
    /** The global reactor. Creating it costs nothing until it is used (the selector opens lazily). */
    Reactor reactor = new NioReactor(true);

    /** A new reactor, independent of {@link #reactor} and of every other. */
    static Reactor create() {
        return new NioReactor();
    }

    /**
     * Runs the loop as {@link #run()} does, installing handlers that stop the reactor on SIGINT and
     * SIGTERM when {@code installSignalHandlers} is true (and restoring the previous ones when the
     * loop ends).
     */
    void run(boolean installSignalHandlers);

    /** TCP with a {@link TLSMemoryBIOFactory} around {@code factory}, as Twisted's {@code listenSSL}. */
    @Override
    default IListeningPort listenSSL(int port, IProtocolFactory factory, IServerConnectionCreator contextFactory,
                                     int backlog, String iface) {
        return listenTCP(port, new TLSMemoryBIOFactory(contextFactory, false, factory, this), backlog, iface);
    }

    /** TCP with a {@link TLSMemoryBIOFactory} around {@code factory}, as Twisted's {@code connectSSL}. */
    @Override
    default IConnector connectSSL(String host, int port, ClientFactory factory, IClientConnectionCreator contextFactory,
                                  double timeout, InetSocketAddress bindAddress) {
        return connectTCP(host, port, new TLSMemoryBIOFactory(contextFactory, true, factory, this), timeout, bindAddress);
    }
}
