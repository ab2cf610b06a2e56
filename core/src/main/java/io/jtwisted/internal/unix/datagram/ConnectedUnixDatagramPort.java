package io.jtwisted.internal.unix.datagram;

import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.error.ConnectError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnectedDatagramProtocol;
import io.jtwisted.internet.interfaces.IUNIXDatagramConnectedTransport;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * A UNIX-domain datagram socket connected to one peer, as Twisted's {@code
 * unix.ConnectedDatagramPort}: what {@code connectUNIXDatagram} returns. {@link #write(byte[])}
 * sends to the peer; a peer that has gone ({@code ECONNREFUSED}, on send or receive) reaches the
 * protocol's {@code connectionRefused}. A failure to bind or connect reaches its {@code
 * connectionFailed} and leaves the port not listening.
 */
final class ConnectedUnixDatagramPort extends UnixDatagramPort implements IUNIXDatagramConnectedTransport {
    private static final Logger LOG = Logger.forClass(ConnectedUnixDatagramPort.class);

    private final String peerAddress;
    private final IConnectedDatagramProtocol connectedProtocol;

    ConnectedUnixDatagramPort(
            UnixDatagramSupport support,
            String address,
            IConnectedDatagramProtocol protocol,
            int maxPacketSize,
            int mode,
            @Nullable String bindAddress) {
        super(support, bindAddress, protocol, maxPacketSize, mode);
        this.peerAddress = address;
        this.connectedProtocol = protocol;
    }

    @Override
    public void startListening() {
        reactor.checkThread();
        if (listening) {
            return;
        }
        try {
            bind();
            try {
                channel.connect(socketAddress(peerAddress));
            } catch (IOException | RuntimeException e) {
                closeUnstarted();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            ConnectError error = new ConnectError(displayName(peerAddress) + ": " + e.getMessage(), e);
            try {
                connectedProtocol.connectionFailed(new Failure(error));
            } catch (Throwable thrown) {
                Failure.rethrowIfFatal(thrown);
                LOG.failure("Unhandled error in connectionFailed of {}", thrown, protocol);
            }
            return;
        }
        listening = true;
        protocol.makeConnection(this);
    }

    @Override
    public void write(byte[] datagram) {
        reactor.checkThread();
        send(datagram, null);
    }

    @Override
    public void write(byte[] datagram, String address) {
        throw new IllegalStateException(
                "this socket is connected to " + displayName(peerAddress) + ": use write(datagram)");
    }

    @Override
    public void write(byte[] datagram, IAddress address) {
        if (address instanceof UNIXAddress unix && peerAddress.equals(unix.name())) {
            write(datagram);
            return;
        }
        throw new IllegalStateException(
                "this socket is connected to " + displayName(peerAddress) + ": use write(datagram)");
    }

    @Override
    boolean receiveFailed(IOException e) {
        if (isRefused(e)) {
            refused();
            return true;
        }
        return super.receiveFailed(e);
    }

    @Override
    public IAddress getPeer() {
        return new UNIXAddress(peerAddress);
    }
}
