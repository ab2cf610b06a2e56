package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.Selectable;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * Where the channels of UNIX stream sockets come from, and how they join the reactor: the JDK's
 * for a file-system path ({@link PathChannels}); junixsocket's for an abstract-namespace name ({@code
 * "\0name"}), which the JDK cannot bind. A listening port, a connector and {@code StreamTransport}
 * use what this gives as they would the JDK's channels and keys.
 */
public interface UnixStreamChannels {
    /** A non-blocking server channel bound to {@code address}, listening with {@code backlog}. */
    ServerSocketChannel listen(String address, int backlog) throws IOException;

    /** Binds {@code server} to {@code address} and makes it non-blocking; closes it if that fails. */
    static ServerSocketChannel bound(ServerSocketChannel server, SocketAddress address, int backlog)
            throws IOException {
        try {
            server.bind(address, backlog);
            server.configureBlocking(false);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A non-blocking, unconnected stream channel. */
    SocketChannel open() throws IOException;

    /** Starts connecting {@code channel} to {@code address}; true if it connected at once. */
    boolean connect(SocketChannel channel, String address) throws IOException;

    /** What a transport uses for a channel {@code accept} gave (made non-blocking). */
    SocketChannel accepted(SocketChannel accepted) throws IOException;

    /**
     * Registers a channel this gave with the reactor: the key {@code handler} is called with
     * ({@code null} while it is set up: it attaches itself before asking for readiness).
     */
    SelectionKey register(SelectableChannel channel, int ops, @Nullable Selectable handler) throws IOException;

    /**
     * Runs {@code then} on the reactor thread once the reactor watches the channel of {@code key}
     * (cancelled, its channel closed) no more, so that its address is free again: in a later turn.
     */
    void whenReleased(SelectionKey key, Runnable then);
}
