package io.jtwisted.internal.unix.datagram;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.interfaces.IConnectedDatagramProtocol;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IUNIXDatagramConnectedTransport;
import io.jtwisted.internet.interfaces.IUNIXDatagramTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFUNIXSocket;

/**
 * The UNIX-domain datagram side of one reactor: {@code listenUNIXDatagram} and {@code
 * connectUNIXDatagram}. It owns the reactor's {@link UnixDatagramPoller}, started with the first
 * open port and ended after the last one closes, so a reactor without UNIX datagram sockets has no
 * extra thread. The only package of core that uses junixsocket.
 */
public final class UnixDatagramSupport {
    private final EventLoop reactor;
    private @Nullable UnixDatagramPoller poller;
    private int open;

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
    public IUNIXDatagramTransport listenUNIXDatagram(String address, IDatagramProtocol protocol, int maxPacketSize, int mode) {
        UnixDatagramPort port = new UnixDatagramPort(this, address, protocol, maxPacketSize, mode);
        port.startListening();
        return port;
    }

    /** {@code IReactorUNIXDatagram.connectUNIXDatagram}. */
    public IUNIXDatagramConnectedTransport connectUNIXDatagram(String address, IConnectedDatagramProtocol protocol,
                                                               int maxPacketSize, int mode, @Nullable String bindAddress) {
        ConnectedUnixDatagramPort port = new ConnectedUnixDatagramPort(this, address, protocol, maxPacketSize, mode, bindAddress);
        port.startListening();
        return port;
    }

    EventLoop reactor() {
        return reactor;
    }

    /** The poller of the open ports (there is one while a port is open). */
    UnixDatagramPoller poller() {
        return Objects.requireNonNull(poller, "no port is open");
    }

    /** {@code port} has a socket: the poller watches it (started if this is the first). */
    void opened(UnixDatagramPort port) {
        if (poller == null) {
            try {
                poller = new UnixDatagramPoller("jtwisted-unix-datagram-poller");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start watching UNIX datagram sockets", e);
            }
        }
        open++;
        poller.register(port, port.channel);
    }

    /** {@code port} is closing: the poller forgets it (and ends if it was the last). */
    void closed(UnixDatagramPort port) {
        UnixDatagramPoller current = poller();
        current.forget(port);
        if (--open == 0) {
            current.shutdown();
            poller = null;
        }
    }

    /** Whether a poller thread runs now (tests: it ends with the last port). */
    boolean polling() {
        return poller != null;
    }
}
