package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IReactorUDP;
import io.jtwisted.internet.interfaces.IUDPTransport;

/**
 * Sends and receives UDP datagrams while it runs, as Twisted's {@code internet.UDPServer}: calls
 * {@link IReactorUDP#listenUDP} with its arguments when it starts, and closes the socket when it stops.
 *
 * <pre>{@code
 * new UDPServer(53, new DNSDatagramProtocol(controller)).setServiceParent(dnsService);
 * }</pre>
 */
public class UDPServer extends AbstractServer<IUDPTransport, IReactorUDP> {
    private final int portNumber;
    private final IDatagramProtocol protocol;
    private final String iface;
    private final int maxPacketSize;

    /** Binds {@code port} of every IPv4 interface. */
    public UDPServer(int port, IDatagramProtocol protocol) {
        this(port, protocol, "", IReactorUDP.DEFAULT_MAX_PACKET_SIZE);
    }

    /** Binds as {@link IReactorUDP#listenUDP(int, IDatagramProtocol, String, int)} does. */
    public UDPServer(int port, IDatagramProtocol protocol, String iface, int maxPacketSize) {
        super(null);
        this.portNumber = port;
        this.protocol = protocol;
        this.iface = iface;
        this.maxPacketSize = maxPacketSize;
    }

    @Override
    protected IUDPTransport listen(IReactorUDP reactor) {
        return reactor.listenUDP(portNumber, protocol, iface, maxPacketSize);
    }

    @Override
    protected IReactorUDP globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IUDPTransport port) {
        return port.stopListening();
    }
}
