package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorSSL;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.ssl.IServerConnectionCreator;

/**
 * Serves TLS clients while it runs, as Twisted's {@code internet.SSLServer}: calls
 * {@link IReactorSSL#listenSSL} with its arguments when it starts, and stops listening when it stops.
 */
public class SSLServer extends AbstractServer<IListeningPort, IReactorSSL> {
    private final int portNumber;
    private final IProtocolFactory factory;
    private final IServerConnectionCreator contextFactory;
    private final int backlog;
    private final String iface;

    /** Listens on {@code port} of every IPv4 interface, with TLS set up by {@code contextFactory}. */
    public SSLServer(int port, IProtocolFactory factory, IServerConnectionCreator contextFactory) {
        this(port, factory, contextFactory, IReactorTCP.DEFAULT_BACKLOG, "");
    }

    /** Listens as {@link IReactorSSL#listenSSL(int, IProtocolFactory, IServerConnectionCreator, int, String)} does. */
    public SSLServer(
            int port, IProtocolFactory factory, IServerConnectionCreator contextFactory, int backlog, String iface) {
        super(null);
        this.portNumber = port;
        this.factory = factory;
        this.contextFactory = contextFactory;
        this.backlog = backlog;
        this.iface = iface;
    }

    @Override
    protected IListeningPort listen(IReactorSSL reactor) {
        return reactor.listenSSL(portNumber, factory, contextFactory, backlog, iface);
    }

    @Override
    protected IReactorSSL globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IListeningPort port) {
        return port.stopListening();
    }
}
