package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;

/** The UNIX-domain stream side of one reactor: {@code listenUNIX} and {@code connectUNIX}. */
public final class UnixSupport {
    private final EventLoop reactor;

    public UnixSupport(EventLoop reactor) {
        this.reactor = reactor;
    }

    /** {@code IReactorUNIX.listenUNIX}. */
    public IListeningPort listenUNIX(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        UnixPort port = new UnixPort(reactor, address, factory, backlog, mode, wantPID);
        port.startListening();
        return port;
    }

    /** {@code IReactorUNIX.connectUNIX}. */
    public IConnector connectUNIX(String address, IClientFactory factory, double timeout, boolean checkPID) {
        UnixConnector connector = new UnixConnector(reactor, address, factory, timeout, checkPID);
        connector.connect();
        return connector;
    }
}
