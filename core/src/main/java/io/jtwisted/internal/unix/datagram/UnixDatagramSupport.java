package io.jtwisted.internal.unix.datagram;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.unix.afunix.ForeignPoller;
import io.jtwisted.internal.unix.afunix.Polling;
import io.jtwisted.internet.interfaces.IConnectedDatagramProtocol;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IUNIXDatagramConnectedTransport;
import io.jtwisted.internet.interfaces.IUNIXDatagramTransport;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * The UNIX-domain datagram side of one reactor: {@code listenUNIXDatagram} and {@code
 * connectUNIXDatagram}. It owns the {@link ForeignPoller} of this reactor's UNIX datagram sockets,
 * started with the first open port and ended after the last one closes, so a reactor without UNIX
 * datagram sockets has no extra thread. With {@code internal.unix.afunix}, the only packages of
 * core that use junixsocket.
 */
public final class UnixDatagramSupport {
    private final EventLoop reactor;
    private final Polling polling = new Polling("jtwisted-unix-datagram-poller");

    /**
     * @throws UnsupportedOperationException if junixsocket's native library cannot be loaded here
     * @throws NoClassDefFoundError if junixsocket is not on the class path
     */
    public UnixDatagramSupport(EventLoop reactor) {
        if (!AFUNIXSocket.isSupported()) {
            throw new UnsupportedOperationException("junixsocket cannot load its native library on this platform:"
                    + " UNIX datagram sockets are not available");
        }
        this.reactor = reactor;
    }

    /** {@code IReactorUNIXDatagram.listenUNIXDatagram}. */
    public IUNIXDatagramTransport listenUNIXDatagram(
            String address, IDatagramProtocol protocol, int maxPacketSize, int mode) {
        UnixDatagramPort port = new UnixDatagramPort(this, address, protocol, maxPacketSize, mode);
        port.startListening();
        return port;
    }

    /** {@code IReactorUNIXDatagram.connectUNIXDatagram}. */
    public IUNIXDatagramConnectedTransport connectUNIXDatagram(
            String address,
            IConnectedDatagramProtocol protocol,
            int maxPacketSize,
            int mode,
            @Nullable String bindAddress) {
        ConnectedUnixDatagramPort port =
                new ConnectedUnixDatagramPort(this, address, protocol, maxPacketSize, mode, bindAddress);
        port.startListening();
        return port;
    }

    EventLoop reactor() {
        return reactor;
    }

    /** The poller of the open ports, if any is open. */
    @Nullable
    ForeignPoller poller() {
        return polling.current();
    }

    /** {@code port} has a socket: the poller watches it for datagrams (started if this is the first). */
    ForeignPoller.Entry opened(UnixDatagramPort port) throws IOException {
        ForeignPoller.Entry entry = polling.watch(port.channel, port);
        entry.poller().arm(entry, SelectionKey.OP_READ);
        return entry;
    }

    /** {@code port} is closing: the poller forgets it (and ends if it was the last). */
    void closed(ForeignPoller.Entry entry) {
        polling.release(entry);
    }

    /** Whether a poller thread runs now (tests: it ends with the last port). */
    boolean polling() {
        return polling.polling();
    }
}
