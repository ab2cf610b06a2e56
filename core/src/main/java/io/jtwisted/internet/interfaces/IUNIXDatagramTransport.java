package io.jtwisted.internet.interfaces;

/**
 * The transport of a datagram protocol on a UNIX-domain datagram socket, as Twisted's {@code
 * IUNIXDatagramTransport}; also the port {@link IReactorUNIXDatagram#listenUNIXDatagram} returns.
 * Used on the reactor thread.
 *
 * <p>It is an {@link IUDPTransport} so that one {@code DatagramProtocol} serves UDP and UNIX
 * sockets alike (Twisted's UNIX datagram port is a UDP port too): {@link #write(byte[], IAddress)}
 * takes the {@code UNIXAddress} a datagram came from. What only IP has fails: {@link
 * #write(byte[], String, int)} with {@code InvalidAddressError}, {@link #connect(String, int)} and
 * broadcast with {@link UnsupportedOperationException}.
 *
 * <p>A datagram the peer cannot take now (its queue is full: {@code EAGAIN}) is dropped and
 * counted in the log, as Twisted does; it is never retried in a loop.
 */
public interface IUNIXDatagramTransport extends IUDPTransport {
    /**
     * Sends {@code datagram} to the socket at {@code address} (a path, or {@code "\0name"}).
     *
     * @throws io.jtwisted.internet.error.MessageLengthError if the datagram is too long to send
     * @throws java.io.UncheckedIOException if nothing listens at {@code address}
     */
    void write(byte[] datagram, String address);
}
