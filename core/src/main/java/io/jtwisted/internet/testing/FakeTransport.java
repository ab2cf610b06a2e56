package io.jtwisted.internet.testing;

import io.jtwisted.internet.error.ConnectionDone;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPullProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.python.failure.Failure;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * One end of an in-memory connection, as Twisted's {@code twisted.test.iosim.FakeTransport}:
 * writes are buffered until an {@link IOPump} moves them to the other end's protocol. After
 * {@link #loseConnection()}, further writes are dropped and the pump delivers the close to both
 * protocols once the buffers are empty.
 */
public class FakeTransport implements ITCPTransport {
    private static final AtomicInteger SERIALS = new AtomicInteger();

    private final IProtocol protocol;
    private final boolean isServer;
    private final int serial = SERIALS.incrementAndGet();
    private final IAddress hostAddress;
    private final IAddress peerAddress;
    private ByteArrayOutputStream stream = new ByteArrayOutputStream();
    boolean disconnecting;
    boolean disconnected;
    private Throwable disconnectReason = new ConnectionDone("Connection done");
    private @Nullable IProducer producer;
    private boolean streamingProducer;

    /** A transport delivering to {@code protocol}, with fresh {@link FakeAddress}es. */
    public FakeTransport(IProtocol protocol, boolean isServer) {
        this(protocol, isServer, null, null);
    }

    /** A transport delivering to {@code protocol}; {@code null} addresses become fresh {@link FakeAddress}es. */
    public FakeTransport(
            IProtocol protocol, boolean isServer, @Nullable IAddress hostAddress, @Nullable IAddress peerAddress) {
        this.protocol = protocol;
        this.isServer = isServer;
        this.hostAddress = hostAddress != null ? hostAddress : new FakeAddress();
        this.peerAddress = peerAddress != null ? peerAddress : new FakeAddress();
    }

    /** The protocol this transport delivers bytes to. */
    public IProtocol protocol() {
        return protocol;
    }

    /** True for the accepting side of the connection. */
    public boolean isServer() {
        return isServer;
    }

    /** A number unique to this transport among all FakeTransports of this JVM. */
    public int serial() {
        return serial;
    }

    /** True once {@link #loseConnection()} was called on this end, or the other end closed. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    /** True once the pump has delivered this end's close to the other end. */
    public boolean disconnected() {
        return disconnected;
    }

    /** The reason given to the protocol's {@code connectionLost}: {@link ConnectionDone} unless set. */
    public void setDisconnectReason(Throwable reason) {
        disconnectReason = Objects.requireNonNull(reason, "reason");
    }

    /** Buffers {@code data} for the other end; dropped silently once disconnecting. */
    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data");
        if (!disconnecting) {
            stream.writeBytes(data);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        write(copy);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        for (byte[] chunk : data) {
            write(chunk);
        }
    }

    /** The bytes written so far and not yet pumped. */
    public byte[] pending() {
        return stream.toByteArray();
    }

    /** Marks this end disconnecting; the pump delivers the close once the buffers are drained. */
    @Override
    public void loseConnection() {
        disconnecting = true;
    }

    /** Same as {@link #loseConnection()}: buffered data is still delivered. */
    @Override
    public void abortConnection() {
        disconnecting = true;
    }

    /** Accepted and ignored: half-close is not simulated. */
    @Override
    public void loseWriteConnection() {}

    @Override
    public IAddress getPeer() {
        return peerAddress;
    }

    @Override
    public IAddress getHost() {
        return hostAddress;
    }

    @Override
    public boolean getTcpNoDelay() {
        return false;
    }

    @Override
    public void setTcpNoDelay(boolean enabled) {}

    @Override
    public boolean getTcpKeepAlive() {
        return false;
    }

    @Override
    public void setTcpKeepAlive(boolean enabled) {}

    /** Records the producer; a pull (non-streaming) producer is asked for its first chunk now. */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        this.producer = producer;
        this.streamingProducer = streaming;
        if (!streaming) {
            ((IPullProducer) producer).resumeProducing();
        }
    }

    @Override
    public void unregisterProducer() {
        producer = null;
    }

    /** The registered producer, or {@code null}. */
    public @Nullable IProducer producer() {
        return producer;
    }

    /** Does nothing: an in-memory connection never needs to be paused. */
    @Override
    public void pauseProducing() {}

    /** Does nothing. */
    @Override
    public void resumeProducing() {}

    /** Closes this end. */
    @Override
    public void stopProducing() {
        loseConnection();
    }

    /** Takes and returns the buffered writes, or {@code null} when there are none. */
    byte @Nullable [] takeOutBuffer() {
        if (stream.size() == 0) {
            return null;
        }
        byte[] out = stream.toByteArray();
        stream = new ByteArrayOutputStream();
        return out;
    }

    /** Asks a registered pull producer for another chunk. */
    void checkProducer() {
        if (producer != null && !streamingProducer) {
            ((IPullProducer) producer).resumeProducing();
        }
    }

    void bufferReceived(byte[] data) {
        protocol.dataReceived(data);
    }

    void reportDisconnect() {
        protocol.connectionLost(new Failure(disconnectReason));
    }

    @Override
    public String toString() {
        return "FakeTransport<" + (isServer ? "S" : "C") + "," + serial + ","
                + protocol.getClass().getSimpleName() + ">";
    }
}
