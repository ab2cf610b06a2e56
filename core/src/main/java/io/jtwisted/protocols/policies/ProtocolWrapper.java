package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.interfaces.ITransport;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.python.failure.Failure;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a protocol and acts as its transport, as Twisted's
 * {@code twisted.protocols.policies.ProtocolWrapper}: events from the real transport go to the
 * wrapped protocol through this wrapper, and the wrapped protocol's writes reach the real transport
 * through it too, so subclasses can watch or change both directions.
 *
 * <p>The wrapper registers itself with its {@link Registry} (usually its {@link WrappingFactory})
 * when connected and unregisters when the connection is lost. It offers the whole
 * {@link ITCPTransport} surface; what the real transport does not support is a no-op for flow
 * control (pause, resume, stop) and an {@link UnsupportedOperationException} otherwise.
 */
public class ProtocolWrapper extends Protocol implements ITCPTransport, io.jtwisted.internet.ReactorBound {
    /** Who keeps track of live wrappers: {@link WrappingFactory}, {@link LimitTotalConnectionsFactory}. */
    public interface Registry {
        /** A wrapper got its connection. */
        void registerProtocol(ProtocolWrapper protocol);

        /** A wrapper lost its connection. */
        void unregisterProtocol(ProtocolWrapper protocol);
    }

    /** The protocol events are relayed to; {@code null} once the connection is lost. */
    protected @Nullable IProtocol wrappedProtocol;

    /** The registry (factory) this wrapper belongs to. */
    protected final Registry registry;

    /** Set by {@link #loseConnection()} and {@link #abortConnection()}. */
    protected boolean disconnecting;

    /** A wrapper of {@code wrappedProtocol}; its {@link #factory()} is {@code registry} when that is a Factory. */
    @SuppressWarnings("this-escape") // the wrapper takes its factory at construction, as Twisted's ProtocolWrapper
    public ProtocolWrapper(Registry registry, IProtocol wrappedProtocol) {
        this.registry = registry;
        this.wrappedProtocol = wrappedProtocol;
        if (registry instanceof Factory owner) {
            setFactory(owner);
        }
    }

    /** The wrapped protocol, or {@code null} once the connection is lost. */
    public @Nullable IProtocol wrappedProtocol() {
        return wrappedProtocol;
    }

    /** The registry (factory) of this wrapper. */
    public Registry registry() {
        return registry;
    }

    /** Names the wrapped protocol and the wrapper, as Twisted's: {@code "Echo (ProtocolWrapper)"}. */
    public String logPrefix() {
        return wrappedLogPrefix(this, wrappedProtocol);
    }

    static String wrappedLogPrefix(Object wrapper, @Nullable Object wrapped) {
        String inner = wrapped == null ? "None" : wrapped.getClass().getSimpleName();
        return inner + " (" + wrapper.getClass().getSimpleName() + ")";
    }

    /** Keeps the real transport, registers with the registry, then connects the wrapped protocol to this wrapper. */
    @Override
    public void makeConnection(ITransport transport) {
        super.makeConnection(transport);
        registry.registerProtocol(this);
        Objects.requireNonNull(wrappedProtocol, "connection lost").makeConnection(this);
    }

    // Protocol relaying.

    @Override
    public void dataReceived(byte[] data) {
        Objects.requireNonNull(wrappedProtocol, "connection lost").dataReceived(data);
    }

    /** Unregisters, tells the wrapped protocol, then forgets it. */
    @Override
    public void connectionLost(Failure reason) {
        super.connectionLost(reason);
        registry.unregisterProtocol(this);
        IProtocol wrapped = wrappedProtocol;
        wrappedProtocol = null;
        if (wrapped != null) {
            wrapped.connectionLost(reason);
        }
    }

    // Transport relaying.

    @Override
    public void write(byte[] data) {
        transport.write(data);
    }

    @Override
    public void write(ByteBuffer data) {
        transport.write(data);
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        transport.writeSequence(data);
    }

    @Override
    public void loseConnection() {
        disconnecting = true;
        transport.loseConnection();
    }

    @Override
    public void abortConnection() {
        disconnecting = true;
        transport.abortConnection();
    }

    @Override
    public boolean disconnecting() {
        return disconnecting || (transport != null && transport.disconnecting());
    }

    /** The wrapped transport's reactor. */
    @Override
    public io.jtwisted.internet.Reactor reactor() {
        return io.jtwisted.internet.Reactor.of(transport);
    }

    @Override
    public IAddress getPeer() {
        return transport.getPeer();
    }

    @Override
    public IAddress getHost() {
        return transport.getHost();
    }

    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        consumer().registerProducer(producer, streaming);
    }

    @Override
    public void unregisterProducer() {
        consumer().unregisterProducer();
    }

    @Override
    public void pauseProducing() {
        if (transport instanceof IPushProducer producer) {
            producer.pauseProducing();
        }
    }

    @Override
    public void resumeProducing() {
        if (transport instanceof IPushProducer producer) {
            producer.resumeProducing();
        }
    }

    @Override
    public void stopProducing() {
        if (transport instanceof IProducer producer) {
            producer.stopProducing();
        }
    }

    @Override
    public void loseWriteConnection() {
        tcp().loseWriteConnection();
    }

    @Override
    public boolean getTcpNoDelay() {
        return tcp().getTcpNoDelay();
    }

    @Override
    public void setTcpNoDelay(boolean enabled) {
        tcp().setTcpNoDelay(enabled);
    }

    @Override
    public boolean getTcpKeepAlive() {
        return tcp().getTcpKeepAlive();
    }

    @Override
    public void setTcpKeepAlive(boolean enabled) {
        tcp().setTcpKeepAlive(enabled);
    }

    private IConsumer consumer() {
        if (transport instanceof IConsumer consumer) {
            return consumer;
        }
        throw new UnsupportedOperationException(transport + " is not a consumer");
    }

    private ITCPTransport tcp() {
        if (transport instanceof ITCPTransport tcp) {
            return tcp;
        }
        throw new UnsupportedOperationException(transport + " is not a TCP transport");
    }
}
