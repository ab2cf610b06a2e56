package io.jtwisted.names.dns;

import io.jtwisted.internet.interfaces.IAddress;
import org.jspecify.annotations.Nullable;

/**
 * The part that {@link DNSProtocol} (TCP) and the datagram protocol share: sending a message.
 * A server replies through it without knowing the transport.
 */
public interface IDNSProtocol {
    /**
     * Sends {@code message} to {@code address} (ignored on a stream, where it is {@code null}),
     * truncated to {@code maxSize} octets where the transport limits the size (datagrams).
     */
    void writeMessage(Message message, @Nullable IAddress address, int maxSize);

    /** Whether this is a stream (TCP) protocol: zone transfers are only served on streams. */
    boolean isStream();

    /** The address of the other end of a stream, or {@code null} for datagrams. */
    @Nullable
    IAddress peer();
}
