package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.defer.Deferred;

/** Where a stream client connects (TCP, and later UNIX, SSL), as Twisted's {@code IStreamClientEndpoint}. */
public interface IStreamClientEndpoint {
    /**
     * Connects, building the protocol with {@code factory}.
     *
     * @return a Deferred firing with the connected protocol, or failing with a
     *     {@link io.jtwisted.internet.error.ConnectError}; cancelling it aborts the attempt
     *     ({@link io.jtwisted.internet.error.ConnectingCancelledError})
     */
    Deferred<IProtocol> connect(IProtocolFactory factory);
}
