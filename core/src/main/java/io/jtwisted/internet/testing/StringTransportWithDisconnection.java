package io.jtwisted.internet.testing;

import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/**
 * A {@link StringTransport} whose {@link #loseConnection()} ends the connection at once: the
 * protocol's {@code connectionLost} is called (once) with a {@link ConnectionDone}, as Twisted's
 * {@code StringTransportWithDisconnection}.
 *
 * <pre>{@code
 * StringTransportWithDisconnection transport = new StringTransportWithDisconnection();
 * transport.setProtocol(protocol);
 * protocol.makeConnection(transport);
 * }</pre>
 */
public class StringTransportWithDisconnection extends StringTransport {
    private @Nullable IProtocol protocol;

    /** A transport with the default addresses; call {@link #setProtocol} before closing it. */
    public StringTransportWithDisconnection() {}

    /** A transport with the given addresses ({@code null} for the defaults). */
    public StringTransportWithDisconnection(@Nullable IAddress hostAddress, @Nullable IAddress peerAddress) {
        super(hostAddress, peerAddress);
    }

    /** The protocol told when the connection is lost, or null before {@link #setProtocol}. */
    public @Nullable IProtocol protocol() {
        return protocol;
    }

    /** Sets the protocol told when the connection is lost. */
    public void setProtocol(IProtocol protocol) {
        this.protocol = protocol;
    }

    /**
     * The first call marks the transport disconnecting and not {@link #connected()}, then calls
     * the protocol's {@code connectionLost} with a {@link ConnectionDone}; later calls do nothing.
     *
     * @throws IllegalStateException if no protocol was set
     */
    @Override
    public void loseConnection() {
        super.loseConnection();
        if (connected) {
            if (protocol == null) {
                throw new IllegalStateException("StringTransportWithDisconnection has no protocol: call setProtocol");
            }
            connected = false;
            protocol.connectionLost(new Failure(new ConnectionDone("Bye.")));
        }
    }
}
