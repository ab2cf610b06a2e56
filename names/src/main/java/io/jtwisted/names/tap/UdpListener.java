package io.jtwisted.names.tap;

import io.jtwisted.application.internet.AbstractServer;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IReactorUDP;
import io.jtwisted.internet.interfaces.IUDPTransport;

/**
 * Listens on a UDP port while it runs, the port number asked for when it starts (what Twisted's {@code internet.UDPServer} does for the plugin).
 */
final class UdpListener extends AbstractServer<IUDPTransport, IReactorUDP> {
    private final java.util.function.IntSupplier port;
    private final IDatagramProtocol protocol;
    private final String iface;

    UdpListener(java.util.function.IntSupplier port, IDatagramProtocol protocol, String iface, IReactorUDP reactor) {
        super(reactor);
        this.port = port;
        this.protocol = protocol;
        this.iface = iface;
    }

    @Override
    protected IUDPTransport listen(IReactorUDP reactor) {
        // 65535: a query with EDNS may be as long as a datagram can be.
        return reactor.listenUDP(port.getAsInt(), protocol, iface, 65535);
    }

    @Override
    protected IReactorUDP globalReactor() {
        return Reactor.reactor;
    }

    @Override
    protected Deferred<?> stopListening(IUDPTransport listening) {
        return listening.stopListening();
    }
}
