package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IReactorUNIXDatagram;
import io.jtwisted.internet.interfaces.IUNIXDatagramTransport;

/**
 * Sends and receives datagrams on a UNIX datagram socket while it runs, as Twisted's {@code
 * internet.UNIXDatagramServer}: calls {@link IReactorUNIXDatagram#listenUNIXDatagram} with its
 * arguments when it starts, and closes the socket when it stops (the socket file stays, as in
 * Twisted). Needs junixsocket on the class path.
 *
 * <pre>{@code
 * new UNIXDatagramServer("/run/app/log.sock", new LogCollector()).setServiceParent(application);
 * }</pre>
 */
public class UNIXDatagramServer extends AbstractServer<IUNIXDatagramTransport, IReactorUNIXDatagram> {
    private final String address;
    private final IDatagramProtocol protocol;
    private final int maxPacketSize;
    private final int mode;

    /** Binds {@code address} with 8192-byte datagrams and mode 0666. */
    public UNIXDatagramServer(String address, IDatagramProtocol protocol) {
        this(address, protocol, IReactorUNIXDatagram.DEFAULT_MAX_PACKET_SIZE, IReactorUNIXDatagram.DEFAULT_MODE);
    }

    /** Binds as {@link IReactorUNIXDatagram#listenUNIXDatagram(String, IDatagramProtocol, int, int)} does. */
    public UNIXDatagramServer(String address, IDatagramProtocol protocol, int maxPacketSize, int mode) {
        super(null);
        this.address = address;
        this.protocol = protocol;
        this.maxPacketSize = maxPacketSize;
        this.mode = mode;
    }

    @Override
    protected IUNIXDatagramTransport listen(IReactorUNIXDatagram reactor) {
        return reactor.listenUNIXDatagram(address, protocol, maxPacketSize, mode);
    }

    @Override
    protected IReactorUNIXDatagram globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IUNIXDatagramTransport port) {
        return port.stopListening();
    }
}
