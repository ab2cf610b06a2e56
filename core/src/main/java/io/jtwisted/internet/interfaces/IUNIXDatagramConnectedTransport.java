package io.jtwisted.internet.interfaces;

/**
 * The transport of a connected datagram protocol on a UNIX-domain datagram socket, as Twisted's
 * {@code IUNIXDatagramConnectedTransport}; the port {@link
 * IReactorUNIXDatagram#connectUNIXDatagram} returns. {@link #write(byte[])} sends to the peer; a
 * peer that has gone reaches the protocol's {@code connectionRefused}. Used on the reactor thread.
 */
public interface IUNIXDatagramConnectedTransport extends IUNIXDatagramTransport {
    /** The {@code UNIXAddress} this socket is connected to. */
    IAddress getPeer();
}
