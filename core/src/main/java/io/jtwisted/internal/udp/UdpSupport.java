package io.jtwisted.internal.udp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IMulticastTransport;
import io.jtwisted.internet.interfaces.IUDPTransport;

/** The UDP side of one reactor: {@code listenUDP} and {@code listenMulticast}. */
public final class UdpSupport {
    private final EventLoop reactor;

    public UdpSupport(EventLoop reactor) {
        this.reactor = reactor;
    }

    /** {@code IReactorUDP.listenUDP}. */
    public IUDPTransport listenUDP(int port, IDatagramProtocol protocol, String iface, int maxPacketSize) {
        UdpPort udp = new UdpPort(reactor, port, protocol, iface, maxPacketSize, false);
        udp.startListening();
        return udp;
    }

    /** {@code IReactorMulticast.listenMulticast}. */
    public IMulticastTransport listenMulticast(
            int port, IDatagramProtocol protocol, String iface, int maxPacketSize, boolean listenMultiple) {
        UdpPort udp = new UdpPort(reactor, port, protocol, iface, maxPacketSize, listenMultiple);
        udp.startListening();
        return udp;
    }
}
