package io.jtwisted.internet.interfaces;

/**
 * What a UDP port needs of its protocol: {@code io.jtwisted.internet.protocol.DatagramProtocol}
 * implements it. Called on the reactor thread.
 */
public interface IDatagramProtocol {
    /** Connects the protocol to its transport and starts it ({@code doStart}). */
    void makeConnection(IUDPTransport transport);

    /** A datagram arrived from {@code address}. */
    void datagramReceived(byte[] datagram, IAddress address);

    /** The connected peer refused a datagram (ICMP port unreachable). */
    void connectionRefused();

    /** The port stopped: stops the protocol once its last port has ({@code stopProtocol}). */
    void doStop();
}
