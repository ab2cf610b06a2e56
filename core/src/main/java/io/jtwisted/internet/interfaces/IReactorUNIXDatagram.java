package io.jtwisted.internet.interfaces;

import org.jspecify.annotations.Nullable;

/**
 * UNIX-domain datagram sockets, as Twisted's {@code IReactorUNIXDatagram}. Call these on the
 * reactor thread.
 *
 * <p>An address is a path in the file system, or on Linux a name in the abstract namespace,
 * written with a leading NUL ({@code "\0name"}), as in Twisted. These sockets need junixsocket
 * ({@code com.kohlschutter.junixsocket:junixsocket-core}) on the class path: without it both
 * methods throw {@link UnsupportedOperationException}, and everything else runs as before.
 */
public interface IReactorUNIXDatagram extends IReactor {
    /** Twisted's default largest datagram read, in bytes. */
    int DEFAULT_MAX_PACKET_SIZE = 8192;
    /** Twisted's default permissions of a bound socket file. */
    int DEFAULT_MODE = 0666;

    /**
     * Binds a datagram socket to {@code address} and connects {@code protocol} to it: its {@code
     * startProtocol} runs now, and it receives each datagram with the sender's {@code UNIXAddress}
     * (an unbound sender's is {@code ""}). A socket file gets the permissions {@code mode}; it is
     * not removed when the port stops, as in Twisted, so binding the same path again needs it
     * deleted first. Datagrams longer than {@code maxPacketSize} bytes are dropped and counted in
     * the log.
     *
     * @throws io.jtwisted.internet.error.CannotListenError if the socket cannot be bound (the path is taken, say)
     * @throws UnsupportedOperationException if junixsocket is not on the class path
     */
    IUNIXDatagramTransport listenUNIXDatagram(String address, IDatagramProtocol protocol, int maxPacketSize, int mode);

    /** {@link #listenUNIXDatagram(String, IDatagramProtocol, int, int)} with 8192-byte datagrams and mode 0666. */
    default IUNIXDatagramTransport listenUNIXDatagram(String address, IDatagramProtocol protocol) {
        return listenUNIXDatagram(address, protocol, DEFAULT_MAX_PACKET_SIZE, DEFAULT_MODE);
    }

    /**
     * Opens a datagram socket connected to {@code address}, bound first to {@code bindAddress}
     * when that is not {@code null} (a peer can answer only a bound socket; its file gets the
     * permissions {@code mode}). On success the protocol is started and receives, through
     * {@code datagramReceived(byte[])}, only what the peer sends. When binding or connecting fails
     * (no socket at {@code address}, say), the protocol's {@code connectionFailed} is called with
     * the reason before this returns, and the returned port is not listening, as in Twisted.
     *
     * @throws UnsupportedOperationException if junixsocket is not on the class path
     */
    IUNIXDatagramConnectedTransport connectUNIXDatagram(
            String address,
            IConnectedDatagramProtocol protocol,
            int maxPacketSize,
            int mode,
            @Nullable String bindAddress);

    /** {@link #connectUNIXDatagram(String, IConnectedDatagramProtocol, int, int, String)} with the defaults, bound to {@code bindAddress}. */
    default IUNIXDatagramConnectedTransport connectUNIXDatagram(
            String address, IConnectedDatagramProtocol protocol, @Nullable String bindAddress) {
        return connectUNIXDatagram(address, protocol, DEFAULT_MAX_PACKET_SIZE, DEFAULT_MODE, bindAddress);
    }

    /** {@link #connectUNIXDatagram(String, IConnectedDatagramProtocol, int, int, String)} with the defaults, unbound (it can send, but not be answered). */
    default IUNIXDatagramConnectedTransport connectUNIXDatagram(String address, IConnectedDatagramProtocol protocol) {
        return connectUNIXDatagram(address, protocol, DEFAULT_MAX_PACKET_SIZE, DEFAULT_MODE, null);
    }
}
