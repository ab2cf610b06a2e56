package io.jtwisted.internal.stream;

import io.jtwisted.internal.loop.EventLoop;
import io.jtwisted.internal.loop.PendingFlush;
import io.jtwisted.internal.loop.Selectable;
import io.jtwisted.internet.error.ConnectionAborted;
import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IBufferReceiver;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IFileRegionTransport;
import io.jtwisted.internet.interfaces.IHalfCloseableProtocol;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.logger.Logger;
import io.jtwisted.protocols.tls.TLSMemoryBIOFactory;
import io.jtwisted.protocols.tls.TLSMemoryBIOProtocol;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import org.jspecify.annotations.Nullable;

/**
 * The transport of one connected stream socket: what every stream transport shares (TCP and UNIX
 * sockets alike, since the JDK's {@link SocketChannel} is the channel of both), as Twisted's
 * {@code abstract.FileDescriptor} and {@code tcp.Connection}. Everything runs on the reactor
 * thread; every public method checks that first.
 *
 * <p>Reads go into the reactor's shared direct buffer and reach the protocol as a fresh array of
 * exactly the bytes read, or, for an {@link IBufferReceiver}, as that buffer itself, lent for the
 * call. A read that does not fill the buffer means the socket is drained, so
 * the transport does not read again to see {@code EAGAIN}; a full read is repeated at most
 * {@link #MAX_READS_PER_TURN} times per turn, for fairness.
 *
 * <p>Writes are queued (the arrays themselves, no wrapper) and flushed once at the end of the loop
 * turn: what was written during the turn is copied into the reactor's direct staging buffer and
 * sent with one {@code write}; only when the socket does not take everything does the
 * transport ask for {@code OP_WRITE}. A direct {@link ByteBuffer} written while nothing is queued
 * goes to the socket at once, from the caller's buffer (no copy); what the socket does not take of
 * it is copied and queued. A registered push producer is paused when more than
 * {@link #HIGH_WATER} bytes are queued and resumed at or below {@link #LOW_WATER}. A {@linkplain
 * #writeFile file region} takes its place in the same queue and is sent with {@code transferTo}
 * (sendfile), its bytes counted as queued bytes; it is closed once sent or when the connection closes.
 * When arrays queued before a region leave room in the staging buffer, the region's first bytes
 * are read into that room and leave in the same {@code write}, the rest with {@code transferTo}.
 *
 * <p>Closing: {@link #loseConnection()} stops reading and closes once the buffer is empty and no
 * producer is registered (writes made meanwhile are still sent); {@link #loseWriteConnection()}
 * half-closes the same way, accepting writes until the output is actually shut down; {@link
 * #abortConnection()} drops the buffer and closes on the next flush. Ordinary closes report the
 * shared {@link ConnectionDone#CONNECTION_DONE}.
 *
 * <p>STARTTLS: {@link #startTLS} puts a {@code TLSMemoryBIOProtocol} between the socket and the
 * protocol; the transport then delivers what it reads to that layer and hands it the protocol's
 * writes, closes and producers, while the layer writes its records through a raw view of this
 * transport, behind whatever was queued before the switch.
 *
 * <p>Every call into the protocol or a producer goes through one guarded path: an exception that
 * escapes it (from {@code connectionMade}, {@code dataReceived}, {@code resumeProducing}, ...)
 * is logged and closes this connection with the exception as the reason, as Twisted does.
 */
public abstract class StreamTransport
        implements ITransport,
                IFileRegionTransport,
                IConsumer,
                IPushProducer,
                Selectable,
                PendingFlush,
                io.jtwisted.internet.ReactorBound {
    private static final Logger LOG = Logger.forClass(StreamTransport.class);

    /** Full reads repeated per turn at most, before other channels get their turn. */
    public static final int MAX_READS_PER_TURN = 4;
    /** Queued bytes above which a registered push producer is paused (Twisted's bufferSize). */
    public static final int HIGH_WATER = 64 * 1024;
    /** Queued bytes at or below which a paused producer is resumed. */
    public static final int LOW_WATER = 16 * 1024;
    /**
     * Arrays with at least this many bytes left are written from the heap as they are; smaller
     * ones are copied into the reactor's staging buffer, as many as fit, for one write.
     */
    private static final int STAGE_LIMIT = EventLoop.WRITE_BUFFER_SIZE;

    protected final EventLoop reactor;
    protected final SocketChannel channel;
    private final SelectionKey key;
    private final IAddress host;
    private final IAddress peer;
    private IProtocol protocol; // the TLS layer once startTLS switched it
    private boolean halfCloseable;
    private @Nullable TLSMemoryBIOProtocol tls; // set by startTLS: application calls go through it

    private Object[] queue = new Object[16]; // ring of pending writes: byte[]s and FileRegions
    private int queueHead;
    private int queueSize;
    private int headOffset; // bytes of the head byte[] already written
    private long pendingBytes;
    private @Nullable IOException writeError; // from a direct write made inside a protocol's call; closes at the flush

    private boolean flushRequested;
    private boolean writeInterest;
    private boolean readPaused; // paused as a producer
    private boolean disconnecting; // loseConnection called
    private boolean aborting;
    private boolean disconnected;
    private boolean writeDisconnecting; // loseWriteConnection called
    private boolean writeDisconnected;
    private boolean readDisconnected;

    private @Nullable IProducer producer;
    private boolean streamingProducer;
    private boolean producerPaused;

    /**
     * @param key the channel's key with this reactor (any attachment; {@link #start()} attaches this transport)
     */
    protected StreamTransport(
            EventLoop reactor,
            SocketChannel channel,
            SelectionKey key,
            IAddress host,
            IAddress peer,
            IProtocol protocol) {
        this.reactor = reactor;
        this.channel = channel;
        this.key = key;
        this.host = host;
        this.peer = peer;
        this.protocol = protocol;
        this.halfCloseable = protocol instanceof IHalfCloseableProtocol;
    }

    /** Attaches to the key, starts reading and tells the protocol it is connected. */
    public void start() {
        key.attach(this);
        key.interestOps(SelectionKey.OP_READ);
        opened();
        try {
            protocol.makeConnection(this);
        } catch (Throwable e) {
            protocolFailed("connectionMade", e);
        }
    }

    /** Called once when the transport starts, before {@code connectionMade}: for bookkeeping. */
    protected void opened() {}

    /**
     * Called once after the protocol heard {@code connectionLost(reason)} (the socket is closed):
     * a client transport tells its connector.
     */
    protected void closed(Failure reason) {}

    /**
     * The one guarded path: {@code what} (a protocol or producer method) threw {@code error}. Logs
     * it with its traceback and closes the connection with it as the reason.
     */
    private void protocolFailed(String what, Throwable error) {
        Failure.rethrowIfFatal(error);
        LOG.failure("Unhandled error in {} of {}; closing the connection", error, what, protocol);
        closeWith(new Failure(error));
    }

    // ---- reading --------------------------------------------------------------------------

    @Override
    public void handleIo(SelectionKey ready) {
        int ops;
        try {
            ops = ready.readyOps();
        } catch (CancelledKeyException cancelled) {
            return;
        }
        if ((ops & SelectionKey.OP_WRITE) != 0 && !disconnected) {
            doWrite();
        }
        if ((ops & SelectionKey.OP_READ) != 0 && !disconnected) {
            doRead();
        }
    }

    private void doRead() {
        if (readPaused || disconnecting || readDisconnected || aborting) {
            return;
        }
        ByteBuffer buffer = reactor.readBuffer();
        for (int i = 0; i < MAX_READS_PER_TURN; i++) {
            buffer.clear();
            int n;
            try {
                n = channel.read(buffer);
            } catch (IOException e) {
                closeWith(lost(e));
                return;
            }
            if (n > 0) {
                buffer.flip();
                IProtocol receiving = protocol;
                try {
                    if (receiving instanceof IBufferReceiver receiver) {
                        receiver.bufferReceived(buffer); // lent for the call: no copy
                    } else {
                        byte[] data = new byte[n];
                        buffer.get(data);
                        receiving.dataReceived(data);
                    }
                } catch (Throwable e) {
                    protocolFailed(receiving instanceof IBufferReceiver ? "bufferReceived" : "dataReceived", e);
                    return;
                }
                if (n < buffer.capacity() || disconnected || readPaused || disconnecting) {
                    return; // a short read drained the socket
                }
            } else if (n < 0) {
                readEof();
                return;
            } else {
                return;
            }
        }
    }

    private static Failure lost(IOException e) {
        return new Failure(new ConnectionLost(String.valueOf(e.getMessage()), e));
    }

    private void readEof() {
        if (!halfCloseable) {
            closeWith(ConnectionDone.CONNECTION_DONE);
            return;
        }
        readDisconnected = true;
        updateInterest();
        try {
            channel.shutdownInput();
        } catch (IOException ignored) {
            // already gone: the next write or close reports it
        }
        if (writeDisconnected) {
            closeWith(ConnectionDone.CONNECTION_DONE);
            return;
        }
        try {
            ((IHalfCloseableProtocol) protocol).readConnectionLost();
        } catch (Throwable e) {
            protocolFailed("readConnectionLost", e);
        }
    }

    // ---- writing --------------------------------------------------------------------------

    /**
     * Queues {@code data}. As Twisted's {@code FileDescriptor.write}: ignored once the connection
     * or its write side is actually closed (not merely closing: writes made after {@code
     * loseConnection} or {@code loseWriteConnection} are still sent), and after an abort.
     */
    @Override
    public void write(byte[] data) {
        if (tls != null) {
            reactor.checkThread();
            tls.write(data);
            return;
        }
        rawWrite(data);
    }

    private void rawWrite(byte[] data) {
        reactor.checkThread();
        if (data.length == 0 || disconnected || writeDisconnected || aborting) {
            return;
        }
        enqueue(data, data.length);
    }

    @Override
    public void write(ByteBuffer data) {
        if (tls != null) {
            reactor.checkThread();
            tls.write(data);
            return;
        }
        rawWrite(data);
    }

    private void rawWrite(ByteBuffer data) {
        reactor.checkThread();
        int length = data.remaining();
        if (length == 0 || disconnected || writeDisconnected || aborting) {
            data.position(data.limit());
            return;
        }
        if (data.isDirect() && queueSize == 0 && !writeInterest && writeError == null) {
            // Nothing waits before these bytes: they go to the socket now, from the caller's
            // buffer, with no copy; only what the socket does not take is copied and queued.
            try {
                channel.write(data);
            } catch (IOException e) {
                writeError = e; // reported by the flush, not from inside the caller's write
                data.position(data.limit());
                requestFlush();
                return;
            }
            length = data.remaining();
            if (length == 0) {
                return;
            }
        }
        byte[] copy = new byte[length];
        data.get(copy);
        enqueue(copy, length);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        if (tls != null) {
            reactor.checkThread();
            tls.writeSequence(data);
            return;
        }
        for (byte[] chunk : data) {
            rawWrite(chunk);
        }
    }

    /**
     * Queues {@code count} bytes of {@code file} from {@code position}, sent with {@code
     * transferTo} (sendfile) in order with the byte writes: see {@link IFileRegionTransport}.
     */
    @Override
    public void writeFile(FileChannel file, long position, long count, boolean closeWhenDone) {
        reactor.checkThread();
        if (tls != null) {
            throw new IllegalStateException("a TLS connection cannot send a file region unencrypted; write its bytes");
        }
        if (position < 0 || count < 0) {
            throw new IllegalArgumentException("negative file region: position " + position + ", count " + count);
        }
        if (count == 0 || disconnected || writeDisconnected || aborting) {
            if (closeWhenDone) {
                FileRegion.close(file);
            }
            return;
        }
        enqueue(new FileRegion(file, position, count, closeWhenDone), count);
    }

    /** True until TLS is started: the bytes of a file region then need encrypting in the heap. */
    @Override
    public boolean canWriteFile() {
        return tls == null;
    }

    private void enqueue(Object entry, long bytes) {
        if (queueSize == queue.length) {
            Object[] bigger = new Object[queue.length * 2];
            for (int i = 0; i < queueSize; i++) {
                bigger[i] = queue[(queueHead + i) & (queue.length - 1)];
            }
            queue = bigger;
            queueHead = 0;
        }
        queue[(queueHead + queueSize) & (queue.length - 1)] = entry;
        queueSize++;
        pendingBytes += bytes;
        requestFlush();
        if (producer != null && streamingProducer && !producerPaused && pendingBytes > HIGH_WATER) {
            producerPaused = true;
            IProducer paused = producer;
            try {
                ((IPushProducer) paused).pauseProducing();
            } catch (Throwable e) {
                protocolFailed("pauseProducing", e);
            }
        }
    }

    private void requestFlush() {
        if (!flushRequested && !writeInterest) {
            flushRequested = true;
            reactor.requestFlush(this);
        }
    }

    @Override
    public void flushPending() {
        flushRequested = false;
        if (!disconnected) {
            doWrite();
        }
    }

    private void doWrite() {
        if (aborting) {
            closeWith(new Failure(new ConnectionAborted()));
            return;
        }
        if (writeError != null) {
            closeWith(lost(writeError));
            return;
        }
        if (queueSize > 0) {
            try {
                writeQueued();
            } catch (IOException e) {
                closeWith(lost(e));
                return;
            }
        }
        if (queueSize > 0) {
            if (!writeInterest) {
                writeInterest = true;
                updateInterest();
            }
            if (producerPaused && pendingBytes <= LOW_WATER && producer != null) {
                producerPaused = false;
                try {
                    ((IPushProducer) producer).resumeProducing();
                } catch (Throwable e) {
                    protocolFailed("resumeProducing", e);
                }
            }
            return;
        }
        if (writeInterest) {
            writeInterest = false;
            updateInterest();
        }
        bufferEmpty();
    }

    /**
     * Writes the queue in order until it is empty or the socket takes less than it was offered.
     * Arrays are copied into the reactor's direct staging buffer, as many as fit, and written with
     * one {@code write}: the JDK would otherwise copy each heap array into a temporary direct
     * buffer of its own (and a gathering write needs one per array). An array too large for the
     * staging buffer is written from the heap as it is; file regions go with {@code transferTo}.
     * A region queued right after arrays that leave room in the staging buffer first fills that
     * room with a positional read, so that a response's head and the start of its file leave in one
     * write, as TCP_CORK would send them (which the JDK does not offer): a head sent on its own
     * ahead of a sendfile is a packet of its own, and on loopback that halves the large-file
     * throughput (docs/benchmarks.md, "The head with the file's first bytes"). The rest of the region goes with
     * {@code transferTo}.
     */
    private void writeQueued() throws IOException {
        int mask = queue.length - 1;
        while (queueSize > 0) {
            Object head = queue[queueHead];
            if (head instanceof FileRegion region) {
                pendingBytes -= region.transferTo(channel);
                if (region.remaining() > 0) {
                    return; // the socket is full
                }
                dropHead(mask);
                region.release();
                continue;
            }
            byte[] first = (byte[]) head;
            int offered;
            int written;
            if (first.length - headOffset >= STAGE_LIMIT) {
                offered = first.length - headOffset;
                written = channel.write(ByteBuffer.wrap(first, headOffset, offered));
            } else {
                ByteBuffer stage = reactor.writeBuffer();
                stage.clear();
                int offset = headOffset;
                for (int i = 0; i < queueSize && stage.hasRemaining(); i++) {
                    Object entry = queue[(queueHead + i) & mask];
                    if (entry instanceof FileRegion region) {
                        region.readAhead(stage); // the region's first bytes share the arrays' write
                        break;
                    }
                    byte[] bytes = (byte[]) entry;
                    int length = Math.min(bytes.length - offset, stage.remaining());
                    stage.put(bytes, offset, length);
                    offset = 0;
                }
                stage.flip();
                offered = stage.remaining();
                written = channel.write(stage);
            }
            pendingBytes -= written;
            consumeBytes(written, mask);
            if (written < offered) {
                return; // the socket is full
            }
        }
    }

    /**
     * Takes {@code count} written bytes off the arrays at the head of the queue, and off the file
     * region after them whose first bytes were staged with them.
     */
    private void consumeBytes(int count, int mask) {
        while (count > 0) {
            if (queue[queueHead] instanceof FileRegion region) {
                region.skip(count);
                if (region.remaining() == 0) {
                    dropHead(mask);
                    region.release();
                }
                return;
            }
            int left = ((byte[]) queue[queueHead]).length - headOffset;
            if (count < left) {
                headOffset += count;
                return;
            }
            count -= left;
            dropHead(mask);
        }
    }

    @SuppressWarnings("NullAway") // empties ring slots: the queue is typed by its live entries, which are never null
    private void dropHead(int mask) {
        queue[queueHead] = null;
        queueHead = (queueHead + 1) & mask;
        queueSize--;
        headOffset = 0;
    }

    /** Everything was written: resume producers, finish a pending close or half-close. */
    private void bufferEmpty() {
        if (producer != null && (!streamingProducer || producerPaused)) {
            producerPaused = false;
            try {
                if (producer instanceof IPushProducer push && streamingProducer) {
                    push.resumeProducing();
                } else if (producer instanceof IPullProducer pull) {
                    pull.resumeProducing();
                }
            } catch (Throwable e) {
                protocolFailed("resumeProducing", e);
                return;
            }
            if (queueSize > 0 || disconnected) {
                return;
            }
        }
        if (disconnecting && producer == null) {
            closeWith(ConnectionDone.CONNECTION_DONE);
            return;
        }
        if (writeDisconnecting && !writeDisconnected && producer == null) {
            writeDisconnected = true;
            try {
                channel.shutdownOutput();
            } catch (IOException e) {
                closeWith(lost(e));
                return;
            }
            if (readDisconnected) {
                closeWith(ConnectionDone.CONNECTION_DONE);
                return;
            }
            if (halfCloseable) {
                try {
                    ((IHalfCloseableProtocol) protocol).writeConnectionLost();
                } catch (Throwable e) {
                    protocolFailed("writeConnectionLost", e);
                }
            }
        }
    }

    // ---- closing --------------------------------------------------------------------------

    @Override
    public void loseConnection() {
        if (tls != null) {
            reactor.checkThread();
            tls.loseConnection();
            return;
        }
        rawLoseConnection();
    }

    private void rawLoseConnection() {
        reactor.checkThread();
        if (disconnected || disconnecting) {
            return;
        }
        disconnecting = true;
        updateInterest(); // stop reading
        requestFlush();
    }

    /**
     * Shuts the output down once everything written so far (and until then) is sent and no
     * producer is registered; the protocol, if it is an {@link IHalfCloseableProtocol}, then hears
     * {@code writeConnectionLost}. Reading goes on.
     */
    public void loseWriteConnection() {
        reactor.checkThread();
        if (tls != null) {
            tls.loseWriteConnection(); // close_notify; the socket itself stays open for the peer's
            return;
        }
        if (disconnected || writeDisconnecting) {
            return;
        }
        writeDisconnecting = true;
        requestFlush();
    }

    @Override
    public void abortConnection() {
        if (tls != null) {
            reactor.checkThread();
            tls.abortConnection();
            return;
        }
        rawAbortConnection();
    }

    private void rawAbortConnection() {
        reactor.checkThread();
        if (disconnected || aborting) {
            return;
        }
        aborting = true;
        writeInterest = false;
        updateInterest();
        requestFlush();
    }

    /** Closes the connection now with {@code reason} (reactor shutdown, a janitor, an I/O error). */
    @Override
    public void connectionLost(Failure reason) {
        closeWith(reason);
    }

    /** Closes the socket now and tells the producer, the protocol, then {@link #closed}, why. Idempotent. */
    @SuppressWarnings("NullAway") // empties ring slots: the queue is typed by its live entries, which are never null
    protected final void closeWith(Failure reason) {
        if (disconnected) {
            return;
        }
        disconnected = true;
        key.cancel();
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("error closing {}: {}", channel, e);
        }
        for (int i = 0; i < queueSize; i++) {
            int at = (queueHead + i) & (queue.length - 1);
            if (queue[at] instanceof FileRegion region) {
                region.release();
            }
            queue[at] = null;
        }
        queueSize = 0;
        headOffset = 0;
        pendingBytes = 0;
        IProducer registered = producer;
        producer = null;
        if (registered != null) {
            try {
                registered.stopProducing();
            } catch (Throwable e) {
                Failure.rethrowIfFatal(e);
                LOG.failure("Unhandled error in stopProducing of {}", e, registered);
            }
        }
        try {
            protocol.connectionLost(reason);
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            LOG.failure("Unhandled error in connectionLost of {}", e, protocol);
        }
        closed(reason);
    }

    private void updateInterest() {
        if (disconnected || !key.isValid()) {
            return;
        }
        int ops = 0;
        if (!readPaused && !disconnecting && !readDisconnected && !aborting) {
            ops |= SelectionKey.OP_READ;
        }
        if (writeInterest) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    // ---- producer / consumer --------------------------------------------------------------

    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (tls != null) {
            reactor.checkThread();
            tls.registerProducer(producer, streaming); // it registers its membrane through the raw view
            return;
        }
        rawRegisterProducer(producer, streaming);
    }

    private void rawRegisterProducer(IProducer producer, boolean streaming) {
        reactor.checkThread();
        if (this.producer != null) {
            throw new IllegalStateException("Cannot register producer " + producer + ", because producer "
                    + this.producer + " was never unregistered.");
        }
        if (streaming && !(producer instanceof IPushProducer)) {
            throw new IllegalArgumentException("a streaming producer must be an IPushProducer: " + producer);
        }
        if (!streaming && !(producer instanceof IPullProducer)) {
            throw new IllegalArgumentException("a non-streaming producer must be an IPullProducer: " + producer);
        }
        if (disconnected) {
            producer.stopProducing();
            return;
        }
        this.producer = producer;
        this.streamingProducer = streaming;
        this.producerPaused = false;
        if (!streaming) {
            ((IPullProducer) producer).resumeProducing();
        }
    }

    @Override
    public void unregisterProducer() {
        if (tls != null) {
            reactor.checkThread();
            tls.unregisterProducer();
            return;
        }
        rawUnregisterProducer();
    }

    private void rawUnregisterProducer() {
        reactor.checkThread();
        producer = null;
        producerPaused = false;
        if ((disconnecting || writeDisconnecting) && !disconnected) {
            requestFlush();
        }
    }

    /** Stops reading from the socket until {@link #resumeProducing()}. */
    @Override
    public void pauseProducing() {
        reactor.checkThread();
        readPaused = true;
        updateInterest();
    }

    /** Reads from the socket again. */
    @Override
    public void resumeProducing() {
        reactor.checkThread();
        readPaused = false;
        updateInterest();
    }

    /** Closes the connection (once buffered data is written). */
    @Override
    public void stopProducing() {
        loseConnection();
    }

    // ---- state and addresses --------------------------------------------------------------

    @Override
    public io.jtwisted.internet.Reactor reactor() {
        return reactorOf();
    }

    private io.jtwisted.internet.Reactor reactorOf() {
        if (reactor instanceof io.jtwisted.internet.Reactor full) {
            return full;
        }
        throw new UnsupportedOperationException(reactor + " is not a full reactor");
    }

    @Override
    public IAddress getPeer() {
        return peer;
    }

    @Override
    public IAddress getHost() {
        return host;
    }

    /** The protocol of this connection (the TLS layer once {@link #startTLS} switched it). */
    public IProtocol protocol() {
        return protocol;
    }

    // ---- STARTTLS -------------------------------------------------------------------------

    /**
     * Puts a TLS layer between the socket and the protocol now, as Twisted's
     * {@code _TLSConnectionMixin.startTLS}: bytes queued so far are already in the write queue
     * and leave first, in clear; from here on the protocol's writes, closes and producers go
     * through the TLS layer, and the bytes read go to it. The protocol keeps this transport. A
     * producer registered before the switch is re-registered with the TLS layer (paused until the
     * handshake completes).
     *
     * @param isClient whether this side acts as the TLS client
     * @throws IllegalStateException if TLS was started already, or the connection is closing or closed
     * @throws IllegalArgumentException if {@code options} cannot serve that side
     */
    protected void startTLS(IConnectionCreator options, boolean isClient) {
        reactor.checkThread();
        if (tls != null) {
            throw new IllegalStateException("TLS was already started on this connection");
        }
        if (disconnecting || aborting || disconnected || writeDisconnecting) {
            throw new IllegalStateException("cannot start TLS on a connection that is closing or closed");
        }
        TLSMemoryBIOFactory factory = new TLSMemoryBIOFactory(options, isClient, null, reactor);
        TLSMemoryBIOProtocol layer = new TLSMemoryBIOProtocol(factory, protocol, false);
        // A producer registered in clear moves to the TLS layer, which throttles it by the same queue.
        IProducer registered = producer;
        boolean registeredStreaming = streamingProducer;
        if (registered != null) {
            rawUnregisterProducer();
        }
        // The TLS layer is not half-closeable: a TCP EOF must reach its connectionLost.
        protocol = layer;
        halfCloseable = false;
        tls = layer;
        layer.makeConnection(new Raw());
        if (registered != null) {
            layer.registerProducer(registered, registeredStreaming);
        }
    }

    /** The TLS view of this connection once {@link #startTLS} was called, else {@code null}. */
    public @Nullable ISSLTransport sslTransport() {
        return tls;
    }

    /** This transport without the TLS layer: where the TLS layer writes its records. */
    private final class Raw implements ITransport, IConsumer, IPushProducer, io.jtwisted.internet.ReactorBound {
        @Override
        public void write(byte[] data) {
            rawWrite(data);
        }

        @Override
        public void write(ByteBuffer data) {
            rawWrite(data);
        }

        @Override
        public void writeSequence(Iterable<byte[]> data) {
            for (byte[] chunk : data) {
                rawWrite(chunk);
            }
        }

        @Override
        public void loseConnection() {
            rawLoseConnection();
        }

        @Override
        public void abortConnection() {
            rawAbortConnection();
        }

        @Override
        public boolean disconnecting() {
            return disconnecting || aborting || disconnected;
        }

        @Override
        public io.jtwisted.internet.Reactor reactor() {
            return reactorOf();
        }

        @Override
        public IAddress getPeer() {
            return peer;
        }

        @Override
        public IAddress getHost() {
            return host;
        }

        @Override
        public void registerProducer(IProducer producer, boolean streaming) {
            rawRegisterProducer(producer, streaming);
        }

        @Override
        public void unregisterProducer() {
            rawUnregisterProducer();
        }

        @Override
        public void pauseProducing() {
            StreamTransport.this.pauseProducing();
        }

        @Override
        public void resumeProducing() {
            StreamTransport.this.resumeProducing();
        }

        @Override
        public void stopProducing() {
            rawLoseConnection();
        }
    }

    /** Bytes written but not yet handed to the operating system. */
    public long pendingBytes() {
        return pendingBytes;
    }

    /** True once {@link #loseConnection()} or {@link #abortConnection()} was called (or the connection closed). */
    @Override
    public boolean disconnecting() {
        return disconnecting || aborting || disconnected || (tls != null && tls.disconnecting());
    }

    /** True while the socket did not take everything and the transport waits for it to be writable. */
    public boolean writeBlocked() {
        return writeInterest;
    }

    /** True once the socket is closed. */
    public boolean disconnected() {
        return disconnected;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + protocol.getClass().getSimpleName() + ", peer=" + peer + ")";
    }
}
