package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.Failure;

/**
 * What {@link IReactorTCP#connectTCP} needs of a client factory: a protocol factory that also
 * hears how each connection attempt goes. Implemented by
 * {@link io.jtwisted.internet.protocol.ClientFactory}, which is what Twisted's {@code connectTCP}
 * takes; this interface exists so that the reactor interfaces name interfaces only.
 */
public interface IClientFactory extends IProtocolFactory {
    /** A connection attempt started. */
    void startedConnecting(IConnector connector);

    /** The attempt failed: {@code reason} wraps a {@link io.jtwisted.internet.error.ConnectError}. */
    void clientConnectionFailed(IConnector connector, Failure reason);

    /** An established connection ended, after the protocol's {@code connectionLost}. */
    void clientConnectionLost(IConnector connector, Failure reason);
}
