package io.jtwisted.protocols.policies;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.protocol.Factory;
import io.jtwisted.internet.protocol.Protocol;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A factory that limits how many connections are open at once, as Twisted's
 * {@code twisted.protocols.policies.LimitTotalConnectionsFactory}. Set {@link #protocol} as for any
 * {@link Factory}, and {@link #connectionLimit}. Over the limit, a connection gets an
 * {@link #overflowProtocol} when one is set (it counts as a connection too), and is refused
 * otherwise.
 */
public class LimitTotalConnectionsFactory extends Factory implements ProtocolWrapper.Registry {
    /** The maximum number of connections, or {@code null} for no limit (the default). */
    protected @Nullable Integer connectionLimit;

    /** Builds the protocol for connections over the limit; {@code null} refuses them (the default). */
    protected @Nullable Supplier<? extends Protocol> overflowProtocol;

    private int connectionCount;

    public LimitTotalConnectionsFactory() {}

    /** A factory building {@code protocol}, with no limit yet. */
    public LimitTotalConnectionsFactory(Supplier<? extends Protocol> protocol) {
        super(protocol);
    }

    /** Sets the limit ({@code null}: none); returns this factory. */
    public LimitTotalConnectionsFactory withConnectionLimit(@Nullable Integer limit) {
        connectionLimit = limit;
        return this;
    }

    /** Sets the protocol for connections over the limit ({@code null}: refuse them); returns this factory. */
    public LimitTotalConnectionsFactory withOverflowProtocol(@Nullable Supplier<? extends Protocol> overflow) {
        overflowProtocol = overflow;
        return this;
    }

    /** The number of current connections. */
    public int connectionCount() {
        return connectionCount;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        Protocol wrapped;
        if (connectionLimit == null || connectionCount < connectionLimit) {
            if (protocol == null) {
                throw new IllegalStateException(getClass().getName() + " has no protocol supplier");
            }
            wrapped = protocol.get();
        } else if (overflowProtocol == null) {
            return null;
        } else {
            wrapped = overflowProtocol.get();
        }
        wrapped.setFactory(this);
        connectionCount++;
        return new ProtocolWrapper(this, wrapped);
    }

    @Override
    public void registerProtocol(ProtocolWrapper p) {}

    @Override
    public void unregisterProtocol(ProtocolWrapper p) {
        connectionCount--;
    }
}
