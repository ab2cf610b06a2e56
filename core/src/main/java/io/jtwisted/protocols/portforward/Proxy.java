package io.jtwisted.protocols.portforward;

import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One side of a forwarded connection, as Twisted's {@code portforward.Proxy}: what it receives it writes to
 * its peer, and when it loses its connection it closes the peer's.
 */
public abstract class Proxy extends Protocol {
    private static final Logger log = Logger.forClass(Proxy.class);

    /** The other side, once it is connected; {@code null} before and after. */
    protected @Nullable Proxy peer;

    /** Pairs this side with {@code peer}. */
    public void setPeer(Proxy peer) {
        this.peer = peer;
    }

    /** The other side, or {@code null}. */
    public @Nullable Proxy peer() {
        return peer;
    }

    @Override
    public void dataReceived(byte[] data) {
        // Reading is paused until the peer is set (see ProxyServer), and stops when it is cleared.
        Objects.requireNonNull(peer, "data before the peer connected")
                .transport()
                .write(data);
    }

    @Override
    public void connectionLost(Failure reason) {
        if (peer != null) {
            Proxy other = peer;
            peer = null;
            other.transport().loseConnection();
        } else {
            log.info("Unable to connect to peer: {reason}", reason.getErrorMessage());
        }
    }
}
