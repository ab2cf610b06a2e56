package io.jtwisted.internet.interfaces;

/**
 * The transport of a {@code DatagramProtocol}: a bound UDP socket, as Twisted's {@code
 * IUDPTransport}. Also the port {@link IReactorUDP#listenUDP} returns. Used on the reactor thread.
 */
public interface IUDPTransport extends IListeningPort {
    /**
     * Sends {@code datagram} to {@code host} (an IPv4 or IPv6 literal: a host name fails with
     * {@link io.jtwisted.internet.error.InvalidAddressError}, as in Twisted) on {@code port}. A
     * datagram the socket buffer cannot take now is dropped and counted in the log, as UDP may.
     *
     * @throws io.jtwisted.internet.error.MessageLengthError if the datagram is too long to send
     * @throws IllegalStateException if the transport is {@linkplain #connect connected}
     */
    void write(byte[] datagram, String host, int port);

    /** {@link #write(byte[], String, int)} to {@code address} (as {@code datagramReceived} gave it). */
    void write(byte[] datagram, IAddress address);

    /**
     * Sends {@code datagram} to the connected peer. A refused peer (ICMP port unreachable) is
     * reported to the protocol's {@code connectionRefused}.
     *
     * @throws IllegalStateException if the transport is not connected
     */
    void write(byte[] datagram);

    /**
     * Connects the socket to {@code host} (an IP literal) and {@code port}: datagrams from elsewhere
     * are no longer received, {@link #write(byte[])} sends there, and ICMP port-unreachable
     * errors reach {@code connectionRefused}. Reconnecting is not supported, as in Twisted.
     *
     * @throws io.jtwisted.internet.error.InvalidAddressError if {@code host} is not an IP literal
     */
    void connect(String host, int port);

    /** Allows or forbids sending to broadcast addresses ({@code SO_BROADCAST}). */
    void setBroadcastAllowed(boolean enabled);

    /** Whether sending to broadcast addresses is allowed. */
    boolean getBroadcastAllowed();
}
