package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnectedDatagramProtocol;
import io.jtwisted.python.failure.Failure;

/**
 * The base class of protocols on a connected datagram socket, as Twisted's {@code
 * ConnectedDatagramProtocol} (what {@code connectUNIXDatagram} takes): override {@link
 * #datagramReceived(byte[])}, which carries no address since only the peer can send, and {@link
 * #connectionFailed}; send with {@code transport.write(datagram)}.
 *
 * <pre>{@code
 * class Ping extends ConnectedDatagramProtocol {
 *     @Override
 *     public void startProtocol() {
 *         transport.write("ping".getBytes(StandardCharsets.US_ASCII));
 *     }
 *
 *     @Override
 *     public void datagramReceived(byte[] datagram) {
 *         System.out.println(new String(datagram, StandardCharsets.US_ASCII));
 *     }
 * }
 * reactor.connectUNIXDatagram("/tmp/echo.sock", new Ping(), "/tmp/ping.sock");
 * }</pre>
 */
public class ConnectedDatagramProtocol extends DatagramProtocol implements IConnectedDatagramProtocol {
    /** A datagram arrived from the peer; does nothing by default. */
    public void datagramReceived(byte[] datagram) {}

    /** Passes the datagram on to {@link #datagramReceived(byte[])}: the sender is always the peer. */
    @Override
    public final void datagramReceived(byte[] datagram, IAddress addr) {
        datagramReceived(datagram);
    }

    /** Binding or connecting failed; does nothing by default. */
    @Override
    public void connectionFailed(Failure reason) {}
}
