package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.logger.Logger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link Protocol} for each connection and holds what connections share, as Twisted's
 * {@code twisted.internet.protocol.Factory}.
 *
 * <p>{@link #startFactory()} and {@link #stopFactory()} run once each however many ports or
 * connectors use the factory: when the first starts and after the last stops.
 */
public class Factory implements IProtocolFactory {
    private static final Logger LOG = Logger.forClass(Factory.class);

    /** What the default {@link #buildProtocol} instantiates: {@code protocol = QOTD::new}; null until set. */
    protected @Nullable Supplier<? extends Protocol> protocol;

    private int numPorts;

    /** A factory whose {@link #protocol} is set later, or whose {@link #buildProtocol} is overridden. */
    public Factory() {}

    /** A factory that builds protocols with {@code protocol}. */
    public Factory(Supplier<? extends Protocol> protocol) {
        this.protocol = protocol;
    }

    /** A plain factory for {@code protocol}: {@code Factory.forProtocol(Echo::new)}. */
    public static Factory forProtocol(Supplier<? extends Protocol> protocol) {
        return new Factory(protocol);
    }

    /**
     * Builds the protocol for a new connection from {@code address}: calls {@link #protocol} and
     * sets the new protocol's factory to this one. Override to choose per connection; return
     * {@code null} to refuse the connection.
     */
    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        if (protocol == null) {
            throw new IllegalStateException(
                    getClass().getName() + " has no protocol supplier: set 'protocol' or override buildProtocol");
        }
        Protocol built = protocol.get();
        built.setFactory(this);
        return built;
    }

    /** Called once before the first port or connector uses this factory; override to open resources. */
    public void startFactory() {}

    /** Called once after the last port or connector stops using this factory; override to release them. */
    public void stopFactory() {}

    @Override
    public final void doStart() {
        if (numPorts == 0) {
            LOG.info("Starting factory {}", this);
            startFactory();
        }
        numPorts++;
    }

    @Override
    public final void doStop() {
        if (numPorts == 0) {
            // More stops than starts: a bug in a port or connector; say so rather than go negative.
            LOG.warn("doStop called on {} more often than doStart", this);
            return;
        }
        numPorts--;
        if (numPorts == 0) {
            LOG.info("Stopping factory {}", this);
            stopFactory();
        }
    }

    /** How many ports and connectors currently use this factory. */
    public int numPorts() {
        return numPorts;
    }
}
