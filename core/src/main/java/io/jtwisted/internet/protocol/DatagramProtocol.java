package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IUDPTransport;
import io.jtwisted.logger.Logger;

/**
 * The base class of UDP protocols, as Twisted's {@code twisted.internet.protocol.DatagramProtocol}:
 * override {@link #datagramReceived} (and {@link #startProtocol}, {@link #stopProtocol},
 * {@link #connectionRefused} as needed), and answer through {@link #transport}:
 *
 * <pre>{@code
 * class Echo extends DatagramProtocol {
 *     @Override
 *     public void datagramReceived(byte[] data, IAddress addr) {
 *         transport.write(data, addr);
 *     }
 * }
 * reactor.listenUDP(9999, new Echo());
 * }</pre>
 *
 * <p>One protocol instance may serve several ports: {@link #startProtocol} runs when the first
 * starts and {@link #stopProtocol} after the last stops ({@link #doStart}/{@link #doStop} count
 * them, as Twisted's {@code numPorts}).
 */
public class DatagramProtocol implements IDatagramProtocol {
    private static final Logger LOG = Logger.forClass(DatagramProtocol.class);

    /** The port this protocol is connected to (for a multicast port, an {@code IMulticastTransport}), set by
     * {@link #makeConnection} before any callback runs (null before that and once the port stopped). */
    @SuppressWarnings("NullAway.Init") // set by makeConnection before any callback of the protocol runs
    protected IUDPTransport transport;

    /** Whether starting and stopping are logged (at info), as Twisted's {@code noisy}. */
    protected boolean noisy = true;

    private int numPorts;

    /** Sets {@link #transport} and starts the protocol; a transport is connected once. */
    @Override
    public void makeConnection(IUDPTransport transport) {
        if (this.transport != null) {
            throw new IllegalStateException(this + " is already connected to " + this.transport);
        }
        this.transport = transport;
        doStart();
    }

    /** Starts the protocol: {@link #startProtocol} runs when the first port starts. */
    public final void doStart() {
        if (numPorts == 0) {
            if (noisy) {
                LOG.info("Starting protocol {}", this);
            }
            startProtocol();
        }
        numPorts++;
    }

    /** Stops the protocol: {@link #stopProtocol} runs after the last port stops. */
    @Override
    @SuppressWarnings("NullAway") // clears transport once the port stopped, as Twisted; no callback runs after it
    public final void doStop() {
        if (numPorts == 0) {
            LOG.warn("doStop called on {} more often than doStart", this);
            return;
        }
        numPorts--;
        transport = null;
        if (numPorts == 0) {
            if (noisy) {
                LOG.info("Stopping protocol {}", this);
            }
            stopProtocol();
        }
    }

    /** How many ports currently use this protocol. */
    public int numPorts() {
        return numPorts;
    }

    /** Called when the protocol starts listening; does nothing by default. */
    public void startProtocol() {}

    /** Called when the protocol stops listening (after its last port stopped); does nothing by default. */
    public void stopProtocol() {}

    /** A datagram arrived from {@code addr}; does nothing by default. */
    @Override
    public void datagramReceived(byte[] datagram, IAddress addr) {}

    /**
     * The connected peer refused a datagram (an ICMP port-unreachable reply): only for a
     * transport that was {@linkplain IUDPTransport#connect connected}. Does nothing by default.
     */
    @Override
    public void connectionRefused() {}

    /** The transport, or {@code null} before the protocol is connected. */
    public IUDPTransport transport() {
        return transport;
    }
}
