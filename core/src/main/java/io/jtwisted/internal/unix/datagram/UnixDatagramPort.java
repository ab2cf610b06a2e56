package io.jtwisted.internal.unix.datagram;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internal.udp.DatagramDrops;
import io.jtwisted.internal.unix.FileModes;
import io.jtwisted.internal.unix.afunix.ForeignPoller;
import io.jtwisted.internet.address.UNIXAddress;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.CannotListenError;
import io.jtwisted.internet.error.InvalidAddressError;
import io.jtwisted.internet.error.MessageLengthError;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IDatagramProtocol;
import io.jtwisted.internet.interfaces.IUNIXDatagramTransport;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A UNIX-domain datagram socket, as Twisted's {@code unix.DatagramPort}: the transport of a
 * datagram protocol and the port {@code listenUNIXDatagram} returns.
 *
 * <p>How it meets the reactor: the socket is a junixsocket channel, which the reactor's selector
 * cannot watch, so the reactor's {@link ForeignPoller} watches it and, when it is readable,
 * writes a byte into this port's pipe. The pipe's read end is what this port registers with the
 * reactor, so the port is an ordinary {@link Selectable}: {@code handleIo} runs on the reactor
 * thread, reads up to {@link #MAX_DATAGRAMS_PER_TURN} datagrams or {@link #MAX_THROUGHPUT} bytes
 * (the rest waits for the next turn), the reactor lists the port among its readers and
 * disconnects it at shutdown. Every read, write and protocol call happens on the reactor thread.
 *
 * <p>Writing: a datagram is sent at once; one the peer cannot take now ({@code EAGAIN}: its queue is
 * full) is dropped and counted ({@link DatagramDrops}), as Twisted drops it.
 *
 * <p>The socket file stays when the port stops, as in Twisted: bind the path again after deleting it.
 */
class UnixDatagramPort implements IUNIXDatagramTransport, Selectable, ForeignPoller.Readiness {
    private static final Logger LOG = Logger.forClass(UnixDatagramPort.class);
    /** Bytes read per turn at most (Twisted's maxThroughput). */
    static final int MAX_THROUGHPUT = 256 * 1024;
    /** Datagrams read per turn at most. */
    static final int MAX_DATAGRAMS_PER_TURN = 64;
    /** What the poller writes into the pipe: the socket was found readable. */
    private static final byte READABLE = 1;
    /** What the port writes into its own pipe: more may be waiting after a bounded turn. */
    private static final byte AGAIN = 2;

    final EventLoop reactor;
    final IDatagramProtocol protocol;
    private final UnixDatagramSupport support;
    private final @Nullable String bindAddress; // null or "": unbound
    private final int maxPacketSize;
    private final int mode;
    private final DatagramDrops drops;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    AFUNIXDatagramChannel channel;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private Pipe pipe;

    @SuppressWarnings("NullAway.Init") // opened by startListening; used only while listening
    private SelectionKey key;

    private final ByteBuffer signal = ByteBuffer.allocate(16);
    private final ByteBuffer signalOut = ByteBuffer.allocate(1);
    private UNIXAddress host = new UNIXAddress("");
    boolean listening;
    private @Nullable Deferred<@Nullable Void> stopped;
    private @Nullable ByteBuffer ownBuffer;
    int maxDatagramsPerTurn = MAX_DATAGRAMS_PER_TURN; // lowered by a test
    long wakeups; // turns in which the reactor read this socket: a test's proof of no spinning

    @SuppressWarnings("NullAway.Init") // set once the socket is bound, in startListening; used only while it is open
    private ForeignPoller.Entry pollerEntry;

    // The last peer seen, so that an echo reuses its address instead of converting it each time.
    private @Nullable AFUNIXSocketAddress lastFrom;
    private @Nullable AFUNIXSocketAddress lastTarget;
    private @Nullable UNIXAddress lastAddress;

    UnixDatagramPort(
            UnixDatagramSupport support,
            @Nullable String bindAddress,
            IDatagramProtocol protocol,
            int maxPacketSize,
            int mode) {
        if (maxPacketSize < 1) {
            throw new IllegalArgumentException("maxPacketSize must be positive, got " + maxPacketSize);
        }
        this.support = support;
        this.reactor = support.reactor();
        this.bindAddress = bindAddress;
        this.protocol = protocol;
        this.maxPacketSize = maxPacketSize;
        this.mode = mode;
        this.drops = new DatagramDrops(LOG, reactor, maxPacketSize, this);
    }

    @Override
    public void startListening() {
        reactor.checkThread();
        if (listening || stopped != null) {
            return;
        }
        try {
            bind();
        } catch (IOException | RuntimeException e) {
            throw new CannotListenError(bindAddress, 0, e);
        }
        listening = true;
        LOG.info("{} starting on {}", protocol.getClass().getName(), displayName(bindAddress));
        protocol.makeConnection(this);
    }

    /** Opens and binds the socket and hooks it to the reactor; on failure everything opened is closed. */
    final void bind() throws IOException {
        AFUNIXDatagramChannel socket = AFUNIXDatagramChannel.open();
        Pipe wake = null;
        SelectionKey registered = null;
        try {
            socket.setDeleteOnClose(false); // Twisted leaves the socket file in place
            if (bindAddress != null && !bindAddress.isEmpty()) {
                if (!isAbstract(bindAddress) && Files.exists(Path.of(bindAddress), LinkOption.NOFOLLOW_LINKS)) {
                    // junixsocket would replace a file nobody listens on; the system, and Twisted, refuse
                    throw new BindException("Address already in use: " + bindAddress);
                }
                socket.bind(socketAddress(bindAddress));
                if (!isAbstract(bindAddress)) {
                    Files.setPosixFilePermissions(Path.of(bindAddress), FileModes.permissions(mode));
                }
                host = new UNIXAddress(bindAddress);
            }
            socket.configureBlocking(false);
            wake = Pipe.open();
            wake.sink().configureBlocking(false);
            registered = reactor.register(wake.source(), SelectionKey.OP_READ, this);
            key = registered;
            channel = socket;
            pipe = wake; // set before the poller is armed: its report writes into the pipe
            pollerEntry = support.opened(this);
        } catch (IOException | RuntimeException e) {
            if (registered != null) {
                registered.cancel();
            }
            closeQuietly(socket);
            if (wake != null) {
                closeQuietly(wake.source());
                closeQuietly(wake.sink());
            }
            throw e;
        }
    }

    // ---- reading --------------------------------------------------------------------------

    /** The poller found the socket readable (poller thread). */
    @Override
    public final void ready(int ops) {
        signal(READABLE);
    }

    /** Asks the poller to watch the socket again (it has been drained). */
    private void watchAgain() {
        ForeignPoller poller = support.poller();
        if (poller != null) {
            poller.served(pollerEntry, SelectionKey.OP_READ);
        }
    }

    private void signal(byte why) {
        synchronized (signalOut) {
            try {
                signalOut.clear();
                signalOut.put(why).flip();
                pipe.sink().write(signalOut);
            } catch (ClosedChannelException closed) {
                // the port has stopped
            } catch (IOException e) {
                LOG.warn("{}: cannot wake the reactor: {}", this, e.toString());
            }
        }
    }

    @Override
    public void handleIo(SelectionKey ready) {
        wakeups++;
        boolean fromPoller = drainSignals();
        ByteBuffer buffer = buffer();
        int bytes = 0;
        for (int count = 0; listening && count < maxDatagramsPerTurn && bytes < MAX_THROUGHPUT; count++) {
            buffer.clear().limit(maxPacketSize + 1); // one byte more tells an oversized datagram
            AFUNIXSocketAddress from;
            try {
                from = channel.receive(buffer);
            } catch (IOException e) {
                fromPoller = false;
                if (!receiveFailed(e)) {
                    return;
                }
                continue;
            }
            int length = buffer.position();
            // receive gives null both when nothing is queued and for a datagram from an unbound
            // sender; the first read after the poller found the socket readable has a datagram.
            if (from == null && length == 0 && !fromPoller) {
                watchAgain(); // drained: wait for the next datagram
                return;
            }
            fromPoller = false;
            bytes += length;
            if (length > maxPacketSize) {
                drops.oversize();
                continue;
            }
            byte[] datagram = new byte[length];
            buffer.flip();
            buffer.get(datagram);
            deliver(datagram, from);
        }
        if (listening) {
            signal(AGAIN); // the turn's share is used up: read on next turn
        }
    }

    /** Empties the pipe; true when the poller wrote into it (the socket has a datagram). */
    private boolean drainSignals() {
        boolean fromPoller = false;
        try {
            int n;
            do {
                signal.clear();
                n = pipe.source().read(signal);
                for (int i = 0; i < n; i++) {
                    fromPoller |= signal.get(i) == READABLE;
                }
            } while (n == signal.capacity());
        } catch (IOException e) {
            LOG.warn("{}: reading the wake pipe failed: {}", this, e.toString());
        }
        return fromPoller;
    }

    /** Handles a failed receive; true to go on reading. */
    boolean receiveFailed(IOException e) {
        LOG.warn("{}: receive failed: {}", this, e.toString());
        watchAgain();
        return false;
    }

    /** Hands a datagram to the protocol; what the protocol throws is logged. */
    void deliver(byte[] datagram, AFUNIXSocketAddress from) {
        try {
            protocol.datagramReceived(datagram, addressOf(from));
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in datagramReceived of {}", e, protocol);
        }
    }

    private ByteBuffer buffer() {
        ByteBuffer shared = reactor.readBuffer();
        if (maxPacketSize < shared.capacity()) {
            return shared;
        }
        if (ownBuffer == null) {
            ownBuffer = ByteBuffer.allocateDirect(maxPacketSize + 1);
        }
        return ownBuffer;
    }

    @SuppressWarnings(
            "NullAway") // lastAddress is set with lastFrom, and a non-null from equals lastFrom only once both are
    private UNIXAddress addressOf(@Nullable AFUNIXSocketAddress from) {
        if (from == null) {
            return new UNIXAddress("");
        }
        if (!from.equals(lastFrom)) {
            String name = nameOf(from);
            lastFrom = from;
            lastAddress = new UNIXAddress(name);
            // a received abstract name carries junixsocket's padding, which would name another socket
            lastTarget = from.isInAbstractNamespace() ? target(name) : from;
        }
        return lastAddress;
    }

    // ---- writing --------------------------------------------------------------------------

    @Override
    public void write(byte[] datagram, String address) {
        reactor.checkThread();
        send(datagram, target(address));
    }

    @Override
    public void write(byte[] datagram, IAddress address) {
        reactor.checkThread();
        if (address == lastAddress && lastTarget != null) {
            send(datagram, lastTarget); // answering the last sender: no conversion
        } else if (address instanceof UNIXAddress unix) {
            send(datagram, target(unix.name()));
        } else {
            throw new InvalidAddressError(String.valueOf(address), "a UNIX datagram socket sends to a UNIXAddress");
        }
    }

    @Override
    public void write(byte[] datagram, String host, int port) {
        throw new InvalidAddressError(
                host + ":" + port, "a UNIX datagram socket sends to a path: use write(datagram, path)");
    }

    @Override
    public void write(byte[] datagram) {
        throw new IllegalStateException(
                "this socket is not connected: use write(datagram, path), or connectUNIXDatagram");
    }

    private static AFUNIXSocketAddress target(String address) {
        if (address == null || address.isEmpty()) {
            throw new InvalidAddressError(String.valueOf(address), "an unbound socket cannot be written to");
        }
        try {
            return socketAddress(address);
        } catch (IOException e) {
            throw new InvalidAddressError(address, e.getMessage());
        }
    }

    /** Sends to {@code target}, or to the connected peer when it is {@code null}. */
    final void send(byte[] datagram, @Nullable AFUNIXSocketAddress target) {
        if (!listening) {
            return;
        }
        ByteBuffer data = ByteBuffer.wrap(datagram);
        int sent;
        try {
            sent = target == null ? channel.write(data) : channel.send(data, target);
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("too long")) {
                throw new MessageLengthError("message too long: " + datagram.length + " bytes");
            }
            if (target == null && (isRefused(e) || isPeerClosing(e))) {
                refused();
                return;
            }
            throw new UncheckedIOException(
                    "sending a datagram to " + (target == null ? "the peer" : nameOf(target)) + " failed", e);
        }
        if (sent == 0 && datagram.length > 0) {
            drops.unsent(); // EAGAIN: dropped, as Twisted's unix.DatagramPort drops it
        }
    }

    static boolean isRefused(IOException e) {
        return String.valueOf(e.getMessage()).contains("Connection refused");
    }

    /**
     * Whether a send to the connected peer failed with {@code EPIPE}: the peer's socket is shut
     * down, being closed (Linux says {@code ECONNREFUSED} only once it is released, which waits
     * while another thread still polls it). The peer has gone as surely as when refused.
     */
    private static boolean isPeerClosing(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("Broken pipe")) {
                return true;
            }
        }
        return false;
    }

    final void refused() {
        try {
            protocol.connectionRefused();
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in connectionRefused of {}", e, protocol);
        }
    }

    /** Dropped so far: {received oversize, unsent}. */
    final long[] dropCounts() {
        return drops.counts();
    }

    @Override
    public void connect(String host, int port) {
        throw new UnsupportedOperationException("a UNIX datagram socket connects through connectUNIXDatagram");
    }

    @Override
    public void setBroadcastAllowed(boolean enabled) {
        throw new UnsupportedOperationException("UNIX datagram sockets have no broadcast");
    }

    @Override
    public boolean getBroadcastAllowed() {
        return false;
    }

    // ---- addresses ------------------------------------------------------------------------

    static boolean isAbstract(String address) {
        return address.startsWith("\0");
    }

    /** The junixsocket address of a path, or of an abstract name written {@code "\0name"}. */
    static AFUNIXSocketAddress socketAddress(String address) throws IOException {
        if (isAbstract(address)) {
            return AFUNIXSocketAddress.of(address.getBytes(StandardCharsets.UTF_8));
        }
        return AFUNIXSocketAddress.of(new File(address));
    }

    /** The name Twisted gives an address: its path, or {@code "\0name"} for an abstract one. */
    static String nameOf(SocketAddress address) {
        if (!(address instanceof AFUNIXSocketAddress unix)) {
            return "";
        }
        byte[] bytes = unix.getPathAsBytes();
        int length = bytes.length;
        if (unix.isInAbstractNamespace()) {
            while (length > 1 && bytes[length - 1] == 0) {
                length--; // junixsocket pads a received abstract name to the full sun_path
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    static String displayName(@Nullable String address) {
        if (address == null || address.isEmpty()) {
            return "an unbound socket";
        }
        return "'" + address.replace("\0", "\\0") + "'";
    }

    // ---- stopping -------------------------------------------------------------------------

    /**
     * Stops receiving now; on a later turn the socket closes, the protocol's {@code doStop} runs
     * and the returned Deferred fires with {@code null}, as Twisted's {@code unix.DatagramPort}.
     */
    @Override
    public Deferred<@Nullable Void> stopListening() {
        reactor.checkThread();
        if (stopped != null) {
            return stopped;
        }
        Deferred<@Nullable Void> done = new Deferred<>();
        stopped = done;
        if (!listening) {
            done.callback(null);
            return done;
        }
        listening = false;
        detach();
        reactor.callLater(0, () -> finishStop(done));
        return done;
    }

    /** Stops at once (reactor shutdown, a janitor). */
    @Override
    public void connectionLost(Failure reason) {
        if (listening) {
            listening = false;
            detach();
            if (stopped == null) {
                stopped = new Deferred<>();
            }
            finishStop(stopped);
        }
    }

    /** Closes what {@link #bind} opened, for a port whose protocol never started. */
    final void closeUnstarted() {
        detach();
        closeSockets();
    }

    /** Unhooks the port from the reactor and the poller. */
    private void detach() {
        key.cancel();
        support.closed(pollerEntry);
    }

    private void closeSockets() {
        closeQuietly(channel);
        closeQuietly(pipe.source());
        closeQuietly(pipe.sink());
    }

    private void finishStop(Deferred<@Nullable Void> done) {
        closeSockets();
        LOG.info("(Port {} Closed)", displayName(bindAddress));
        try {
            protocol.doStop();
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            if (!done.called()) {
                done.errback(new Failure(e));
                return;
            }
            LOG.failure("Unhandled error stopping protocol {}", e, protocol);
        }
        if (!done.called()) {
            done.callback(null);
        }
    }

    static void closeQuietly(java.nio.channels.Channel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing more to do with a channel we are dropping
        }
    }

    @Override
    public IAddress getHost() {
        return host;
    }

    /** As Twisted's: {@code <protocol class on 'path'>}, or {@code <protocol class (not listening)>}. */
    @Override
    public String toString() {
        String name = protocol.getClass().getName();
        return listening ? "<" + name + " on " + displayName(bindAddress) + ">" : "<" + name + " (not listening)>";
    }
}
