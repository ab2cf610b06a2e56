package io.jtwisted.internal.unix.afunix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internal.unix.UnixStreamChannels;
import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelectableChannel;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * UNIX stream sockets on Linux's abstract namespace ({@code "\0name"}): junixsocket's channels,
 * which the JDK's cannot name, watched by one {@link ForeignPoller} per reactor (started with the
 * first such socket, ended after the last) and served on the reactor thread through {@link
 * ForeignKey}s. Accepted and connected channels are {@link AfUnixSocketChannel}s.
 */
public final class AbstractNamespaceChannels implements UnixStreamChannels {
    private final EventLoop reactor;
    private final Polling polling = new Polling("jtwisted-unix-stream-poller");

    /**
     * @throws UnsupportedOperationException if junixsocket's native library cannot be loaded here
     * @throws NoClassDefFoundError if junixsocket is not on the class path
     */
    public AbstractNamespaceChannels(EventLoop reactor) {
        if (!AFUNIXSocket.isSupported()) {
            throw new UnsupportedOperationException("junixsocket cannot load its native library on this platform:"
                    + " abstract-namespace UNIX sockets are not available");
        }
        this.reactor = reactor;
    }

    private static AFUNIXSocketAddress socketAddress(String address) throws IOException {
        return AFUNIXSocketAddress.of(address.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ServerSocketChannel listen(String address, int backlog) throws IOException {
        AFUNIXSocketAddress name = socketAddress(address);
        return UnixStreamChannels.bound(AFUNIXServerSocketChannel.open(), name, backlog);
    }

    @Override
    public SocketChannel open() throws IOException {
        return new AfUnixSocketChannel(AFUNIXSocketChannel.open());
    }

    @Override
    public boolean connect(SocketChannel channel, String address) throws IOException {
        return channel.connect(socketAddress(address));
    }

    @Override
    public SocketChannel accepted(SocketChannel accepted) throws IOException {
        return new AfUnixSocketChannel((AFUNIXSocketChannel) accepted);
    }

    @Override
    public SelectionKey register(SelectableChannel channel, int ops, @Nullable Selectable handler) throws IOException {
        AbstractSelectableChannel watched =
                channel instanceof AfUnixSocketChannel stream ? stream.inner() : (AbstractSelectableChannel) channel;
        return ForeignKey.register(reactor, polling, watched, channel, ops, handler);
    }

    @Override
    public void whenReleased(SelectionKey key, Runnable then) {
        ((ForeignKey) key).whenReleased(then);
    }

    /** How many connections the running poller has seen hang up, 0 if none runs (tests). */
    public long hangUps() {
        ForeignPoller running = polling.current();
        return running == null ? 0 : running.hangUps();
    }

    /** Whether a poller thread runs now (tests: it ends with the last socket). */
    public boolean polling() {
        return polling.polling();
    }
}
