package io.jtwisted.internal.tcp;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.stream.StreamTransport;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * The transport of one TCP connection, server or client side: the {@link StreamTransport}
 * machinery plus TCP's socket options, and, on the client side, the connector to tell when the
 * connection ends. It can switch to TLS mid-connection ({@link #startTLS}): the accepting side
 * becomes the TLS server, the connecting side the TLS client.
 */
public final class Connection extends StreamTransport implements ITCPTransport, ITLSTransport {
    private final @Nullable Connector connector; // null on the server side

    Connection(
            EventLoop reactor,
            SocketChannel channel,
            SelectionKey key,
            @Nullable Connector connector,
            IAddress host,
            IAddress peer,
            IProtocol protocol) {
        super(reactor, channel, key, host, peer, protocol);
        this.connector = connector;
    }

    @Override
    protected void closed(Failure reason) {
        if (connector != null) {
            connector.connectionLost(reason);
        }
    }

    @Override
    public void startTLS(IConnectionCreator options) {
        startTLS(options, connector != null);
    }

    @Override
    public @Nullable ISSLTransport sslTransport() {
        return super.sslTransport();
    }

    @Override
    public boolean getTcpNoDelay() {
        return option(StandardSocketOptions.TCP_NODELAY);
    }

    @Override
    public void setTcpNoDelay(boolean enabled) {
        setOption(StandardSocketOptions.TCP_NODELAY, enabled);
    }

    @Override
    public boolean getTcpKeepAlive() {
        return option(StandardSocketOptions.SO_KEEPALIVE);
    }

    @Override
    public void setTcpKeepAlive(boolean enabled) {
        setOption(StandardSocketOptions.SO_KEEPALIVE, enabled);
    }

    private boolean option(SocketOption<Boolean> name) {
        reactor.checkThread();
        try {
            return channel.getOption(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void setOption(SocketOption<Boolean> name, boolean value) {
        reactor.checkThread();
        try {
            channel.setOption(name, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
