package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/** UNIX stream sockets named by a file-system path: the JDK's channels, registered with the reactor's selector. */
final class PathChannels implements UnixStreamChannels {
    private final EventLoop reactor;

    PathChannels(EventLoop reactor) {
        this.reactor = reactor;
    }

    @Override
    public ServerSocketChannel listen(String address, int backlog) throws IOException {
        UnixDomainSocketAddress path = UnixDomainSocketAddress.of(address);
        return UnixStreamChannels.bound(ServerSocketChannel.open(StandardProtocolFamily.UNIX), path, backlog);
    }

    @Override
    public SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.configureBlocking(false);
        return channel;
    }

    @Override
    public boolean connect(SocketChannel channel, String address) throws IOException {
        return channel.connect(UnixDomainSocketAddress.of(address));
    }

    @Override
    public SocketChannel accepted(SocketChannel accepted) {
        return accepted;
    }

    @Override
    public SelectionKey register(SelectableChannel channel, int ops, @Nullable Selectable handler) throws IOException {
        return reactor.register(channel, ops, handler);
    }

    @Override
    public void whenReleased(SelectionKey key, Runnable then) {
        reactor.callLater(0, then::run); // the JDK's selector lets go of a cancelled key in its next select
    }
}
