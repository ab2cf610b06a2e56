package io.jtwisted.internet.testing;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A protocol that records what happens to it: whether the connection was made, every byte
 * received, and whether (and why) it was lost, as Twisted's {@code AccumulatingProtocol}. Built
 * by an {@link AccumulatingFactory}, it fires the factory's
 * {@link AccumulatingFactory#protocolConnectionMade} Deferred when connected.
 */
public class AccumulatingProtocol extends Protocol {
    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private boolean made;
    private boolean closed;
    private @Nullable Failure closedReason;

    /** When set, fired with {@code null} (and then cleared) when the connection is lost. */
    public @Nullable Deferred<@Nullable Void> closedDeferred;

    /**
     * Records that the connection is made and, if the factory is an {@link AccumulatingFactory}
     * with a pending {@code protocolConnectionMade} Deferred, clears it and fires it with this protocol.
     */
    @Override
    public void connectionMade() {
        made = true;
        if (factory instanceof AccumulatingFactory accumulating && accumulating.protocolConnectionMade != null) {
            Deferred<AccumulatingProtocol> d = accumulating.protocolConnectionMade;
            accumulating.protocolConnectionMade = null;
            d.callback(this);
        }
    }

    /** Appends {@code bytes} to {@link #data()}. */
    @Override
    public void dataReceived(byte[] bytes) {
        data.writeBytes(bytes);
    }

    /** Records the reason, then fires and clears {@link #closedDeferred} if set. */
    @Override
    public void connectionLost(Failure reason) {
        super.connectionLost(reason);
        closed = true;
        closedReason = reason;
        if (closedDeferred != null) {
            Deferred<@Nullable Void> d = closedDeferred;
            closedDeferred = null;
            d.callback(null);
        }
    }

    /** True once {@code connectionMade} was called. */
    public boolean made() {
        return made;
    }

    /** Every byte received so far. */
    public byte[] data() {
        return data.toByteArray();
    }

    /** {@link #data()} decoded as UTF-8. */
    public String dataString() {
        return data.toString(StandardCharsets.UTF_8);
    }

    /** True once {@code connectionLost} was called. */
    public boolean closed() {
        return closed;
    }

    /** The reason given to {@code connectionLost}, or {@code null} before. */
    public @Nullable Failure closedReason() {
        return closedReason;
    }
}
