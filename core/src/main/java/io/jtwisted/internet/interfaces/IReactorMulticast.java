package io.jtwisted.internet.interfaces;

/** UDP sockets that take part in IP multicast, as Twisted's {@code IReactorMulticast}. */
public interface IReactorMulticast extends IReactor {
    /**
     * As {@link IReactorUDP#listenUDP}, with a socket that can join multicast groups. With
     * {@code listenMultiple}, several sockets (of this or other processes) may bind the same
     * port ({@code SO_REUSEADDR}), and each receives the group's datagrams.
     */
    IMulticastTransport listenMulticast(
            int port, IDatagramProtocol protocol, String iface, int maxPacketSize, boolean listenMultiple);

    /** {@link #listenMulticast} on every IPv4 interface, 8192-byte datagrams, one listener. */
    default IMulticastTransport listenMulticast(int port, IDatagramProtocol protocol) {
        return listenMulticast(port, protocol, "", IReactorUDP.DEFAULT_MAX_PACKET_SIZE, false);
    }

    /** {@link #listenMulticast} on every IPv4 interface, 8192-byte datagrams. */
    default IMulticastTransport listenMulticast(int port, IDatagramProtocol protocol, boolean listenMultiple) {
        return listenMulticast(port, protocol, "", IReactorUDP.DEFAULT_MAX_PACKET_SIZE, listenMultiple);
    }
}
