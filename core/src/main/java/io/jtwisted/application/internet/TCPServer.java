package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;

/**
 * Serves TCP clients while it runs, as Twisted's {@code internet.TCPServer}: calls
 * {@link IReactorTCP#listenTCP} with its arguments when it starts, and stops listening when it stops.
 *
 * <pre>{@code
 * new TCPServer(7001, new EchoFactory()).setServiceParent(application);
 * }</pre>
 */
public class TCPServer extends AbstractServer<IListeningPort, IReactorTCP> {
    private final int portNumber;
    private final IProtocolFactory factory;
    private final int backlog;
    private final String iface;

    /** Listens on {@code port} of every IPv4 interface. */
    public TCPServer(int port, IProtocolFactory factory) {
        this(port, factory, IReactorTCP.DEFAULT_BACKLOG, "");
    }

    /** Listens on {@code port} of {@code iface} ({@code ""}: every IPv4 interface), as {@code listenTCP} does. */
    public TCPServer(int port, IProtocolFactory factory, int backlog, String iface) {
        super(null);
        this.portNumber = port;
        this.factory = factory;
        this.backlog = backlog;
        this.iface = iface;
    }

    /** The factory that builds a protocol per connection. */
    public IProtocolFactory factory() {
        return factory;
    }

    @Override
    protected IListeningPort listen(IReactorTCP reactor) {
        return reactor.listenTCP(portNumber, factory, backlog, iface);
    }

    @Override
    protected IReactorTCP globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IListeningPort port) {
        return port.stopListening();
    }
}
