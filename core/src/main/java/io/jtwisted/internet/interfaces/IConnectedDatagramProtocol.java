package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.Failure;

/**
 * What a connected datagram socket needs of its protocol, as Twisted's {@code
 * ConnectedDatagramProtocol}: {@code io.jtwisted.internet.protocol.ConnectedDatagramProtocol}
 * implements it. Called on the reactor thread.
 */
public interface IConnectedDatagramProtocol extends IDatagramProtocol {
    /** Binding or connecting the socket failed; the protocol was never started. */
    void connectionFailed(Failure reason);
}
