package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;

/** The UNIX-domain stream side of one reactor: {@code listenUNIX} and {@code connectUNIX}. */
public final class UnixSupport {
    /** Why a stream socket cannot take a {@code "\0name"} address. */
    static final String NO_ABSTRACT_STREAMS = "abstract-namespace addresses (\\0name) work for UNIX datagram"
            + " sockets only: the JDK's UNIX-domain stream channels cannot bind or connect to them";

    private final EventLoop reactor;

    public UnixSupport(EventLoop reactor) {
        this.reactor = reactor;
    }

    /** {@code IReactorUNIX.listenUNIX}. */
    public IListeningPort listenUNIX(String address, IProtocolFactory factory, int backlog, int mode, boolean wantPID) {
        if (isAbstract(address)) {
            throw new CannotListenError(address.replace("\0", "\\0"), 0, new UnsupportedOperationException(NO_ABSTRACT_STREAMS));
        }
        UnixPort port = new UnixPort(reactor, address, factory, backlog, mode, wantPID);
        port.startListening();
        return port;
    }

    /** Whether {@code address} names a socket in Linux's abstract namespace ({@code "\0name"}). */
    static boolean isAbstract(String address) {
        return address.startsWith("\0");
    }

    /** {@code IReactorUNIX.connectUNIX}. */
    public IConnector connectUNIX(String address, IClientFactory factory, double timeout, boolean checkPID) {
        UnixConnector connector = new UnixConnector(reactor, address, factory, timeout, checkPID);
        connector.connect();
        return connector;
    }
}
