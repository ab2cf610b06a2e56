package io.jtwisted.internet.testing;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.protocol.Factory;
import org.jspecify.annotations.Nullable;

/**
 * A factory of {@link AccumulatingProtocol}s. Set {@link #protocolConnectionMade} to a Deferred
 * to learn when the next protocol it builds is connected.
 */
public class AccumulatingFactory extends Factory {
    /** When set, fired with the next protocol that becomes connected, then cleared. */
    public @Nullable Deferred<AccumulatingProtocol> protocolConnectionMade;

    /** A factory whose {@code buildProtocol} makes {@link AccumulatingProtocol}s. */
    public AccumulatingFactory() {
        super(AccumulatingProtocol::new);
    }
}
