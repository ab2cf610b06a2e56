package io.jtwisted.internal.unix;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.stream.StreamTransport;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.python.failure.Failure;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * The transport of one UNIX-domain stream connection: the {@link StreamTransport} machinery as
 * is (buffering, flow control, half-close), over a UNIX {@link SocketChannel}. It can switch to
 * TLS mid-connection ({@link #startTLS}), as Twisted's UNIX transports can: the accepting side
 * becomes the TLS server, the connecting side the TLS client.
 */
final class UnixConnection extends StreamTransport implements ITLSTransport {
    private final @Nullable UnixConnector connector; // null on the server side

    UnixConnection(
            EventLoop reactor,
            SocketChannel channel,
            SelectionKey key,
            @Nullable UnixConnector connector,
            IAddress host,
            IAddress peer,
            IProtocol protocol) {
        super(reactor, channel, key, host, peer, protocol);
        this.connector = connector;
    }

    @Override
    protected void closed(Failure reason) {
        if (connector != null) {
            connector.connectionEnded(reason);
        }
    }

    @Override
    public void startTLS(IConnectionCreator options) {
        startTLS(options, connector != null);
    }
}
