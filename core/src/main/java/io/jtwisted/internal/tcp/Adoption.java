package io.jtwisted.internal.tcp;

import io.jtwisted.internal.fd.InheritedSockets;
import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.UnsupportedAddressFamily;
import io.jtwisted.internet.interfaces.IListeningPort;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * {@code IReactorSocket} for TCP: inherited listening sockets become {@link Port}s and inherited
 * connections {@link Connection}s, exactly as if this reactor had bound or accepted them.
 */
public final class Adoption {
    private final EventLoop reactor;

    public Adoption(EventLoop reactor) {
        this.reactor = reactor;
    }

    /** {@code IReactorSocket.adoptStreamPort}. */
    public IListeningPort adoptStreamPort(int fd, ProtocolFamily family, IProtocolFactory factory) {
        reactor.checkThread();
        checkFamily(family);
        ServerSocketChannel channel;
        try {
            channel = InheritedSockets.listening(fd, family);
        } catch (IOException e) {
            throw new CannotListenError("descriptor " + fd, 0, e);
        }
        Port port = Port.adopting(reactor, channel, factory);
        port.startListening();
        return port;
    }

    /** {@code IReactorSocket.adoptStreamConnection}: a failure to set it up is thrown, later ones reach the protocol. */
    public void adoptStreamConnection(int fd, ProtocolFamily family, IProtocolFactory factory) {
        reactor.checkThread();
        checkFamily(family);
        SocketChannel channel;
        try {
            channel = InheritedSockets.connected(fd, family);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot adopt descriptor " + fd + ": " + e.getMessage(), e);
        }
        Port.startConnection(reactor, channel, factory);
    }

    /** {@code Reactor.adoptStreamConnection(SocketChannel, factory)}: a channel connected elsewhere (a group's acceptor). */
    public void adoptStreamConnection(SocketChannel connected, IProtocolFactory factory) {
        reactor.checkThread();
        Port.startConnection(reactor, connected, factory);
    }

    private static void checkFamily(ProtocolFamily family) {
        if (family != StandardProtocolFamily.INET && family != StandardProtocolFamily.INET6) {
            throw new UnsupportedAddressFamily("this reactor adopts INET and INET6 stream sockets, not " + family);
        }
    }
}
