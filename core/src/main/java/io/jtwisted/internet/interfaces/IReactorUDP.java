package io.jtwisted.internet.interfaces;

/** UDP sockets, as Twisted's {@code IReactorUDP}. Call these on the reactor thread. */
public interface IReactorUDP extends IReactor {
    /** Twisted's default largest datagram read, in bytes. */
    int DEFAULT_MAX_PACKET_SIZE = 8192;

    /**
     * Binds a UDP socket to {@code port} (0: the system picks one) of {@code iface} ({@code ""}:
     * every IPv4 interface; an IPv4 or IPv6 literal such as {@code "::1"}) and connects
     * {@code protocol} to it: its {@code startProtocol} runs now. Datagrams longer than
     * {@code maxPacketSize} bytes are dropped and counted in the log.
     *
     * @throws io.jtwisted.internet.error.CannotListenError if the socket cannot be bound
     */
    IUDPTransport listenUDP(int port, IDatagramProtocol protocol, String iface, int maxPacketSize);

    /** {@link #listenUDP(int, IDatagramProtocol, String, int)} on every IPv4 interface, 8192-byte datagrams. */
    default IUDPTransport listenUDP(int port, IDatagramProtocol protocol) {
        return listenUDP(port, protocol, "", DEFAULT_MAX_PACKET_SIZE);
    }

    /** {@link #listenUDP(int, IDatagramProtocol, String, int)} with 8192-byte datagrams. */
    default IUDPTransport listenUDP(int port, IDatagramProtocol protocol, String iface) {
        return listenUDP(port, protocol, iface, DEFAULT_MAX_PACKET_SIZE);
    }
}
