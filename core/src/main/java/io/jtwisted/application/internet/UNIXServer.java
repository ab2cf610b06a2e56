package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorUNIX;

/**
 * Serves clients on a UNIX socket while it runs, as Twisted's {@code internet.UNIXServer}: calls
 * {@link IReactorUNIX#listenUNIX} with its arguments when it starts, and stops listening when it stops.
 */
public class UNIXServer extends AbstractServer<IListeningPort, IReactorUNIX> {
    private final String address;
    private final IProtocolFactory factory;
    private final int backlog;
    private final int mode;
    private final boolean wantPID;

    /** Listens on the socket file {@code address}, mode 0666. */
    public UNIXServer(String address, IProtocolFactory factory) {
        this(address, factory, IReactorTCP.DEFAULT_BACKLOG, IReactorUNIX.DEFAULT_MODE, false);
    }

    /** Listens as {@link IReactorUNIX#listenUNIX(String, IProtocolFactory, int, int, boolean)} does. */
    public UNIXServer(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        super(null);
        this.address = address;
        this.factory = factory;
        this.backlog = backlog;
        this.mode = mode;
        this.wantPID = wantPID;
    }

    @Override
    protected IListeningPort listen(IReactorUNIX reactor) {
        return reactor.listenUNIX(address, factory, backlog, mode, wantPID);
    }

    @Override
    protected IReactorUNIX globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IListeningPort port) {
        return port.stopListening();
    }
}
