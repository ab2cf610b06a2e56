package io.jtwisted.protocols.tls;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConsumer;
import io.jtwisted.internet.interfaces.IProducer;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IPushProducer;
import io.jtwisted.internet.interfaces.ISSLTransport;
import io.jtwisted.internet.interfaces.ITCPTransport;
import io.jtwisted.internet.interfaces.ITLSTransport;
import io.jtwisted.internet.ssl.IConnectionCreator;
import io.jtwisted.protocols.policies.ProtocolWrapper;
import io.jtwisted.python.failure.Failure;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A transport wrapper that carries bytes in clear until its protocol calls
 * {@link #startTLS(IConnectionCreator)}, then puts a {@link TLSMemoryBIOProtocol} between the
 * connection and the protocol, as Twisted's {@code ITLSTransport.startTLS} does inside its TCP
 * transport. Bytes written before {@code startTLS} are already queued on the connection, so they
 * leave first and in clear, whatever is still buffered; bytes written after it are encrypted. The
 * protocol keeps this object as its transport throughout. Built by {@link StartTLSFactory}.
 */
public class StartTLSProtocol extends ProtocolWrapper implements ITLSTransport {
    private final StartTLSFactory tlsFactory;
    private @Nullable TLSMemoryBIOProtocol tls;
    private @Nullable IProducer clearProducer; // registered before startTLS: moves to the TLS layer
    private boolean clearStreaming;

    public StartTLSProtocol(StartTLSFactory factory, IProtocol wrappedProtocol) {
        super(factory, wrappedProtocol);
        this.tlsFactory = factory;
    }

    @Override
    public void startTLS(IConnectionCreator options) {
        if (tls != null) {
            throw new IllegalStateException("TLS was already started on this connection");
        }
        if (disconnecting()) {
            throw new IllegalStateException("cannot start TLS on a connection that is closing or closed");
        }
        TLSMemoryBIOFactory factory =
                new TLSMemoryBIOFactory(options, tlsFactory.isClient(), null, tlsFactory.reactor());
        IProducer registered = clearProducer;
        if (registered != null) {
            unregisterProducer();
        }
        tls = new TLSMemoryBIOProtocol(factory, Objects.requireNonNull(wrappedProtocol, "connection lost"), false);
        tls.makeConnection(new Clear());
        if (registered != null) {
            tls.registerProducer(registered, clearStreaming);
        }
    }

    @Override
    public @Nullable ISSLTransport sslTransport() {
        return tls;
    }

    @Override
    public void dataReceived(byte[] data) {
        if (tls != null) {
            tls.dataReceived(data);
        } else {
            super.dataReceived(data);
        }
    }

    @Override
    public void connectionLost(Failure reason) {
        if (tls == null) {
            super.connectionLost(reason);
            return;
        }
        connected = false;
        registry.unregisterProtocol(this);
        wrappedProtocol = null;
        tls.connectionLost(reason); // tells the protocol, with the TLS layer's view of why
    }

    @Override
    public void write(byte[] data) {
        if (tls != null) {
            tls.write(data);
        } else {
            super.write(data);
        }
    }

    @Override
    public void write(ByteBuffer data) {
        if (tls != null) {
            tls.write(data);
        } else {
            super.write(data);
        }
    }

    @Override
    public void writeSequence(Iterable<byte[]> data) {
        if (tls != null) {
            tls.writeSequence(data);
        } else {
            super.writeSequence(data);
        }
    }

    @Override
    public void loseConnection() {
        if (tls != null) {
            disconnecting = true;
            tls.loseConnection();
        } else {
            super.loseConnection();
        }
    }

    @Override
    public void abortConnection() {
        if (tls != null) {
            disconnecting = true;
            tls.abortConnection();
        } else {
            super.abortConnection();
        }
    }

    @Override
    public void loseWriteConnection() {
        if (tls != null) {
            tls.loseWriteConnection();
        } else {
            super.loseWriteConnection();
        }
    }

    @Override
    public void registerProducer(IProducer producer, boolean streaming) {
        if (tls != null) {
            tls.registerProducer(producer, streaming);
        } else {
            super.registerProducer(producer, streaming);
            clearProducer = producer;
            clearStreaming = streaming;
        }
    }

    @Override
    public void unregisterProducer() {
        if (tls != null) {
            tls.unregisterProducer();
        } else {
            clearProducer = null;
            super.unregisterProducer();
        }
    }

    /** The connection itself, in clear: what the TLS layer writes its records to. */
    private final class Clear implements ITCPTransport, io.jtwisted.internet.ReactorBound {
        private ITCPTransport raw() {
            return (ITCPTransport) transport;
        }

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
            transport.loseConnection();
        }

        @Override
        public void abortConnection() {
            transport.abortConnection();
        }

        @Override
        public boolean disconnecting() {
            return transport.disconnecting();
        }

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
        public void loseWriteConnection() {
            raw().loseWriteConnection();
        }

        @Override
        public boolean getTcpNoDelay() {
            return raw().getTcpNoDelay();
        }

        @Override
        public void setTcpNoDelay(boolean enabled) {
            raw().setTcpNoDelay(enabled);
        }

        @Override
        public boolean getTcpKeepAlive() {
            return raw().getTcpKeepAlive();
        }

        @Override
        public void setTcpKeepAlive(boolean enabled) {
            raw().setTcpKeepAlive(enabled);
        }

        @Override
        public void registerProducer(IProducer producer, boolean streaming) {
            ((IConsumer) transport).registerProducer(producer, streaming);
        }

        @Override
        public void unregisterProducer() {
            ((IConsumer) transport).unregisterProducer();
        }

        @Override
        public void pauseProducing() {
            ((IPushProducer) transport).pauseProducing();
        }

        @Override
        public void resumeProducing() {
            ((IPushProducer) transport).resumeProducing();
        }

        @Override
        public void stopProducing() {
            ((IProducer) transport).stopProducing();
        }
    }
}
