package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.interfaces.IReactorMulticast;
import io.jtwisted.internet.interfaces.IReactorUDP;

/**
 * A UDP socket that can join multicast groups, while it runs, as Twisted's {@code internet.MulticastServer}:
 * calls {@link IReactorMulticast#listenMulticast} with its arguments when it starts (the protocol joins its
 * groups in {@code startProtocol}), and closes the socket when it stops.
 */
public class MulticastServer extends AbstractServer<IMulticastTransport, IReactorMulticast> {
    private final int portNumber;
    private final IDatagramProtocol protocol;
    private final String iface;
    private final int maxPacketSize;
    private final boolean listenMultiple;

    /** Binds {@code port} of every IPv4 interface, alone. */
    public MulticastServer(int port, IDatagramProtocol protocol) {
        this(port, protocol, "", IReactorUDP.DEFAULT_MAX_PACKET_SIZE, false);
    }

    /** Binds as {@link IReactorMulticast#listenMulticast(int, IDatagramProtocol, String, int, boolean)} does. */
    public MulticastServer(
            int port, IDatagramProtocol protocol, String iface, int maxPacketSize, boolean listenMultiple) {
        super(null);
        this.portNumber = port;
        this.protocol = protocol;
        this.iface = iface;
        this.maxPacketSize = maxPacketSize;
        this.listenMultiple = listenMultiple;
    }

    @Override
    protected IMulticastTransport listen(IReactorMulticast reactor) {
        return reactor.listenMulticast(portNumber, protocol, iface, maxPacketSize, listenMultiple);
    }

    @Override
    protected IReactorMulticast globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IMulticastTransport port) {
        return port.stopListening();
    }
}
