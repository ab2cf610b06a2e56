package io.jtwisted.internet.interfaces;

import io.jtwisted.internet.defer.Deferred;

/** Where a stream server listens (TCP, and later UNIX, SSL), as Twisted's {@code IStreamServerEndpoint}. */
public interface IStreamServerEndpoint {
    /**
     * Listens with {@code factory}.
     *
     * @return a Deferred firing with the port, or failing with
     *     {@link io.jtwisted.internet.error.CannotListenError}
     */
    Deferred<IListeningPort> listen(IProtocolFactory factory);
}
