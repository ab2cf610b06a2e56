package io.jtwisted.internal.unix.afunix;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFUNIXSocketChannel;

/**
 * A junixsocket stream channel as the JDK's {@link SocketChannel} contract has it, so that {@code
 * StreamTransport} reads, writes and half-closes it as any other. One difference needs mending:
 * in non-blocking mode junixsocket returns 0, not -1, from a read at end of stream. For a stream
 * socket, "readable" with nothing to read means end of stream; so the first read after the poller
 * reported the socket readable ({@link #readinessReported}) returns -1 if it reads nothing.
 * Everything else is junixsocket's channel as it is.
 */
final class AfUnixSocketChannel extends SocketChannel {
    private final AFUNIXSocketChannel inner;
    private boolean readableReported;

    AfUnixSocketChannel(AFUNIXSocketChannel inner) throws IOException {
        super(inner.provider());
        this.inner = inner;
        configureBlocking(false);
    }

    /** The junixsocket channel (what the poller watches). */
    AFUNIXSocketChannel inner() {
        return inner;
    }

    /** Set by {@link ForeignKey} around a call of the transport: whether the socket was reported readable. */
    void readinessReported(boolean readable) {
        readableReported = readable;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        boolean mayEnd = readableReported && dst.hasRemaining();
        readableReported = false;
        int n = inner.read(dst);
        return n == 0 && mayEnd ? -1 : n;
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        readableReported = false;
        return inner.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return inner.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return inner.write(srcs, offset, length);
    }

    @Override
    public SocketChannel bind(@Nullable SocketAddress local) throws IOException {
        inner.bind(local);
        return this;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        inner.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return inner.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return inner.supportedOptions();
    }

    @Override
    public SocketChannel shutdownInput() throws IOException {
        inner.shutdownInput();
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        inner.shutdownOutput();
        return this;
    }

    @Override
    public Socket socket() {
        return inner.socket();
    }

    @Override
    public boolean isConnected() {
        return inner.isConnected();
    }

    @Override
    public boolean isConnectionPending() {
        return inner.isConnectionPending();
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        return inner.connect(remote);
    }

    @Override
    public boolean finishConnect() throws IOException {
        return inner.finishConnect();
    }

    @Override
    public @Nullable SocketAddress getRemoteAddress() throws IOException {
        return inner.getRemoteAddress();
    }

    @Override
    public @Nullable SocketAddress getLocalAddress() throws IOException {
        return inner.getLocalAddress();
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        inner.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        inner.configureBlocking(block);
    }

    @Override
    public String toString() {
        return "AfUnixSocketChannel(" + inner + ")";
    }
}
