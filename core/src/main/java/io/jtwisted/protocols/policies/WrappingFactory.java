package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.python.failure.Failure;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Wraps a factory and each protocol it builds, and keeps track of the live ones, as Twisted's
 * {@code twisted.protocols.policies.WrappingFactory}. Starting and stopping this factory starts and
 * stops the wrapped one. Override {@link #wrapProtocol} to use another {@link ProtocolWrapper}. As a
 * {@link ClientFactory} it relays the connector events to the wrapped factory when that is a
 * {@code ClientFactory} too, so it serves {@code listenTCP} and {@code connectTCP} alike.
 */
public class WrappingFactory extends ClientFactory implements ProtocolWrapper.Registry {
    /**
     * The factory whose protocols are wrapped; {@code null} for a factory that only wraps protocols
     * handed to it (TLS started on a connection), which never builds, starts or stops one.
     */
    protected final @Nullable IProtocolFactory wrappedFactory;

    private final Set<ProtocolWrapper> protocols = new LinkedHashSet<>();

    public WrappingFactory(@Nullable IProtocolFactory wrappedFactory) {
        this.wrappedFactory = wrappedFactory;
    }

    /** The wrapped factory, or {@code null} when this one only wraps protocols handed to it. */
    public @Nullable IProtocolFactory wrappedFactory() {
        return wrappedFactory;
    }

    /** The connected wrappers, in connection order (a live, read-only view). */
    public Set<ProtocolWrapper> protocols() {
        return Collections.unmodifiableSet(protocols);
    }

    /** Names the wrapped factory and this one: {@code "Server (WrappingFactory)"}. */
    public String logPrefix() {
        return ProtocolWrapper.wrappedLogPrefix(this, wrappedFactory);
    }

    @Override
    public void startFactory() {
        Objects.requireNonNull(wrappedFactory, "no wrapped factory").doStart();
    }

    @Override
    public void stopFactory() {
        Objects.requireNonNull(wrappedFactory, "no wrapped factory").doStop();
    }

    @Override
    public void startedConnecting(IConnector connector) {
        if (wrappedFactory instanceof ClientFactory client) {
            client.startedConnecting(connector);
        }
    }

    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        if (wrappedFactory instanceof ClientFactory client) {
            client.clientConnectionFailed(connector, reason);
        }
    }

    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {
        if (wrappedFactory instanceof ClientFactory client) {
            client.clientConnectionLost(connector, reason);
        }
    }

    /**
     * Asks the wrapped factory for a protocol and wraps it; returns {@code null} (refusing the
     * connection) when the wrapped factory does.
     */
    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        IProtocol wrapped =
                Objects.requireNonNull(wrappedFactory, "no wrapped factory").buildProtocol(address);
        return wrapped == null ? null : wrapProtocol(wrapped);
    }

    /** Wraps a protocol built by the wrapped factory; Twisted's {@code self.protocol(self, p)}. */
    protected IProtocol wrapProtocol(IProtocol wrapped) {
        return new ProtocolWrapper(this, wrapped);
    }

    @Override
    public void registerProtocol(ProtocolWrapper protocol) {
        protocols.add(protocol);
    }

    @Override
    public void unregisterProtocol(ProtocolWrapper protocol) {
        protocols.remove(protocol);
    }
}
