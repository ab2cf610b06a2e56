package io.jtwisted.internet.testing;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transport that keeps what is written in memory, for unit tests of protocols, as Twisted's
 * {@code twisted.internet.testing.StringTransport}. Nothing is ever sent and nothing is ever
 * delivered to the protocol: closing only sets flags ({@link #disconnecting()},
 * {@link #disconnected()}), and the test decides what happens next.
 *
 * <p>As a producer (the transport a protocol may pause), it records the state it was asked to
 * be in ({@link #producerState()}) and refuses to pause or resume once stopped or, unless
 * created {@linkplain #StringTransport(IAddress, IAddress, boolean) lenient}, once
 * {@link #loseConnection()} was called: code that does so expects data that will never come.
 *
 * <p>Typical use:
 * <pre>{@code
 * StringTransport transport = new StringTransport();
 * protocol.makeConnection(transport);
 * protocol.dataReceived("hello\r\n".getBytes(UTF_8));
 * assertThat(transport.valueString()).isEqualTo("hello\r\n");
 * }</pre>
 */
public class StringTransport implements ITCPTransport {
    /** The host address used when none is given: {@code IPv4Address(TCP, 10.0.0.1, 12345)}. */
    public static final IAddress DEFAULT_HOST = new IPv4Address("TCP", "10.0.0.1", 12345);
    /** The peer address used when none is given: {@code IPv4Address(TCP, 192.168.1.1, 54321)}. */
    public static final IAddress DEFAULT_PEER = new IPv4Address("TCP", "192.168.1.1", 54321);

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final IAddress hostAddress;
    private final IAddress peerAddress;
    private final boolean lenient;
    /** False once a subclass has delivered the end of the connection to its protocol. */
    protected boolean connected = true;

    private boolean disconnecting;
    private boolean disconnected;
    private boolean writeDisconnected;
    private boolean tcpNoDelay;
    private boolean tcpKeepAlive;
    private @Nullable IProducer producer;
    private boolean streaming;
    private String producerState = "producing";

    /** A transport with the {@link #DEFAULT_HOST default host} and {@link #DEFAULT_PEER peer} addresses. */
    public StringTransport() {
        this(null, null, false);
    }

    /** A transport reporting the given addresses ({@code null} for the defaults). */
    public StringTransport(@Nullable IAddress hostAddress, @Nullable IAddress peerAddress) {
        this(hostAddress, peerAddress, false);
    }

    /**
     * A transport reporting the given addresses ({@code null} for the defaults); when
     * {@code lenient}, pausing or resuming it after {@link #loseConnection()} is allowed.
     */
    public StringTransport(@Nullable IAddress hostAddress, @Nullable IAddress peerAddress, boolean lenient) {
        this.hostAddress = hostAddress != null ? hostAddress : DEFAULT_HOST;
        this.peerAddress = peerAddress != null ? peerAddress : DEFAULT_PEER;
        this.lenient = lenient;
    }

    /** Every byte written since creation or the last {@link #clear()}. Not a transport method: for tests only. */
    public byte[] value() {
        return written.toByteArray();
    }

    /** {@link #value()} decoded as UTF-8. */
    public String valueString() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was written so far. Not a transport method: for tests only. */
    public void clear() {
        written.reset();
    }

    /** Records {@code data}; writing after {@link #loseConnection()} is recorded too, as in Twisted. */
    @Override
    public void write(byte[] data) {
        Objects.requireNonNull(data, "data must be a byte array, not null");
        written.writeBytes(data);
    }

    /** Records the remaining bytes of {@code data} and moves its position to its limit. */
    @Override
    public void write(ByteBuffer data) {
        Objects.requireNonNull(data, "data must be a ByteBuffer, not null");
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        written.writeBytes(copy);
    }

    /** Records each chunk in turn; a {@code null} chunk is refused before anything is recorded. */
    @Override
    public void writeSequence(Iterable<byte[]> data) {
        Objects.requireNonNull(data, "data");
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (byte[] chunk : data) {
            Objects.requireNonNull(chunk, "data must hold byte arrays, not null");
            joined.writeBytes(chunk);
        }
        written.writeBytes(joined.toByteArray());
    }

    /** Sets {@link #disconnecting()}; nothing else happens. */
    @Override
    public void loseConnection() {
        disconnecting = true;
    }

    /** Sets {@link #disconnected()}, then calls {@link #loseConnection()}. */
    @Override
    public void abortConnection() {
        disconnected = true;
        loseConnection();
    }

    /** Sets {@link #writeDisconnected()}. */
    @Override
    public void loseWriteConnection() {
        writeDisconnected = true;
    }

    /** True once {@link #loseConnection()} (or {@link #abortConnection()}) was called. */
    @Override
    public boolean disconnecting() {
        return disconnecting;
    }

    /** True once {@link #abortConnection()} was called (Twisted's {@code disconnected} flag). */
    public boolean disconnected() {
        return disconnected;
    }

    /** Same as {@link #disconnected()}: true once {@link #abortConnection()} was called. */
    public boolean aborted() {
        return disconnected;
    }

    /** True once {@link #loseWriteConnection()} was called. */
    public boolean writeDisconnected() {
        return writeDisconnected;
    }

    /** True until a subclass delivers the end of the connection to its protocol; always true here. */
    public boolean connected() {
        return connected;
    }

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
        return tcpNoDelay;
    }

    @Override
    public void setTcpNoDelay(boolean enabled) {
        tcpNoDelay = enabled;
    }

    @Override
    public boolean getTcpKeepAlive() {
        return tcpKeepAlive;
    }

    @Override
    public void setTcpKeepAlive(boolean enabled) {
        tcpKeepAlive = enabled;
    }

    /**
     * Records {@code producer} and {@code streaming} ({@link #producer()}, {@link #streaming()}).
     *
     * @throws IllegalStateException if a producer is registered already (the first one is kept)
     */
    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        Objects.requireNonNull(producer, "producer");
        if (this.producer != null) {
            throw new IllegalStateException("Cannot register producer " + producer + " because producer "
                    + this.producer + " was never unregistered");
        }
        this.producer = producer;
        this.streaming = streaming;
    }

    /**
     * Forgets the registered producer, so another may be registered.
     *
     * @throws IllegalStateException if no producer is registered
     */
    @Override
    public void unregisterProducer() {
        if (producer == null) {
            throw new IllegalStateException("Cannot unregister a producer unless one is registered");
        }
        producer = null;
        streaming = false;
    }

    /** The registered producer, or {@code null}. */
    public @Nullable IProducer producer() {
        return producer;
    }

    /** Whether the registered producer was registered as streaming (push); false when none is. */
    public boolean streaming() {
        return streaming;
    }

    /**
     * Records that this transport was asked to pause.
     *
     * @throws IllegalStateException once stopped, or after {@link #loseConnection()} unless lenient
     */
    @Override
    public void pauseProducing() {
        checkState();
        producerState = "paused";
    }

    /** As {@link #pauseProducing()}, recording {@code "producing"}. */
    @Override
    public void resumeProducing() {
        checkState();
        producerState = "producing";
    }

    /** Records that this transport was asked to stop; it cannot be paused or resumed afterwards. */
    @Override
    public void stopProducing() {
        producerState = "stopped";
    }

    /** What was last asked of this transport as a producer: {@code "producing"}, {@code "paused"} or {@code "stopped"}. */
    public String producerState() {
        return producerState;
    }

    private void checkState() {
        if (disconnecting && !lenient) {
            throw new IllegalStateException("Cannot resume producing after loseConnection");
        }
        if (producerState.equals("stopped")) {
            throw new IllegalStateException("Cannot resume a stopped producer");
        }
    }
}
