package io.jtwisted.internet.testing;

import io.jtwisted.internet.address.IPv4Address;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A transport that keeps what is written in memory, for unit tests of protocols, as Twisted's
 * {@code twisted.internet.testing.StringTransport}. Nothing is ever sent; closing only sets
 * flags ({@link #disconnecting()}, {@link #aborted()}).
 */
public class StringTransport implements ITCPTransport {
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final IAddress hostAddress;
    private final IAddress peerAddress;
    private boolean disconnecting;
    private boolean aborted;
    private boolean writeDisconnected;
    private boolean tcpNoDelay;
    private boolean tcpKeepAlive;
    private IProducer producer;
    private boolean streaming;
    /** {@code "producing"}, {@code "paused"} or {@code "stopped"}: what was asked of this transport as a producer. */
    private String producerState = "producing";

    public StringTransport() {
        this(new IPv4Address("TCP", "10.0.0.1", 12345), new IPv4Address("TCP", "192.168.1.1", 54321));
    }

    public StringTransport(IAddress hostAddress, IAddress peerAddress) {
        this.hostAddress = hostAddress;
        this.peerAddress = peerAddress;
    }

    /** Every byte written so far (since the last {@link #clear()}). */
    public byte[] value() {
        return written.toByteArray();
    }

    /** What was written, decoded as UTF-8. */
    public String valueString() {
        return written.toString(StandardCharsets.UTF_8);
    }

    /** Forgets what was written. */
    public void clear() {
        written.reset();
    }

    @Override
    public void write(byte[] data) {
        if (data == null) {
            throw new NullPointerException("data");
        }
        written.writeBytes(data);
    }

    @Override
    public void write(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        written.writeBytes(copy);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        for (byte[] chunk : data) {
            write(chunk);
        }
    }

    @Override
    public void loseConnection() {
        disconnecting = true;
    }

    @Override
    public void abortConnection() {
        disconnecting = true;
        aborted = true;
    }

    @Override
    public void loseWriteConnection() {
        writeDisconnected = true;
    }

    /** True once {@link #loseConnection()} or {@link #abortConnection()} was called. */
    public boolean disconnecting() {
        return disconnecting;
    }

    /** True once {@link #abortConnection()} was called. */
    public boolean aborted() {
        return aborted;
    }

    /** True once {@link #loseWriteConnection()} was called. */
    public boolean writeDisconnected() {
        return writeDisconnected;
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

    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (this.producer != null) {
            throw new IllegalStateException("Cannot register producer " + producer
                    + " because producer " + this.producer + " was never unregistered.");
        }
        this.producer = producer;
        this.streaming = streaming;
    }

    @Override
    public void unregisterProducer() {
        if (producer == null) {
            throw new IllegalStateException("Cannot unregister a producer unless one is registered");
        }
        producer = null;
    }

    /** The registered producer, or {@code null}. */
    public IProducer producer() {
        return producer;
    }

    /** Whether the registered producer is a streaming (push) producer. */
    public boolean streaming() {
        return streaming;
    }

    @Override
    public void pauseProducing() {
        checkNotStopped();
        producerState = "paused";
    }

    @Override
    public void resumeProducing() {
        checkNotStopped();
        producerState = "producing";
    }

    @Override
    public void stopProducing() {
        producerState = "stopped";
    }

    /** {@code "producing"}, {@code "paused"} or {@code "stopped"}. */
    public String producerState() {
        return producerState;
    }

    private void checkNotStopped() {
        if (producerState.equals("stopped")) {
            throw new IllegalStateException("Cannot resume or pause a transport that was stopped");
        }
    }
}
