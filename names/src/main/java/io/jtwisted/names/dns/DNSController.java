package io.jtwisted.names.dns;

import io.jtwisted.internet.interfaces.IAddress;
import org.jspecify.annotations.Nullable;

/**
 * What a DNS protocol hands the messages it reads to (Twisted's "controller": the server factory,
 * or a client resolver). Called on the reactor thread.
 */
public interface DNSController {
    /**
     * A message arrived that is not the answer to one of the protocol's own queries.
     *
     * @param message  the decoded message
     * @param protocol the protocol it came in on, to reply through
     * @param address  the sender for datagrams; {@code null} on a stream (the peer is the transport's)
     */
    void messageReceived(Message message, IDNSProtocol protocol, @Nullable IAddress address);

    /** A stream protocol connected (Twisted's {@code connectionMade(protocol)} on the controller). */
    default void connectionMade(DNSProtocol protocol) {}

    /** A stream protocol disconnected. */
    default void connectionLost(DNSProtocol protocol) {}
}
