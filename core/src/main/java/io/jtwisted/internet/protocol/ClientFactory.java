package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.python.failure.Failure;
import java.util.function.Supplier;

/**
 * A factory for client connections, as Twisted's {@code ClientFactory}: it builds the protocol and
 * hears how the connection attempt goes. Give it to
 * {@link io.jtwisted.internet.interfaces.IReactorTCP#connectTCP}.
 *
 * <p>The {@code connector} passed to each callback is the attempt's {@link IConnector}; calling
 * {@link IConnector#connect()} from {@link #clientConnectionLost} or {@link #clientConnectionFailed}
 * reconnects.
 */
public class ClientFactory extends Factory implements IClientFactory {
    public ClientFactory() {}

    public ClientFactory(Supplier<? extends Protocol> protocol) {
        super(protocol);
    }

    /** A connection attempt started; does nothing by default. */
    @Override
    public void startedConnecting(IConnector connector) {}

    /**
     * The attempt failed: {@code reason} wraps a {@link io.jtwisted.internet.error.ConnectError}
     * (refused, timed out, DNS lookup failed, stopped by the user ...). Does nothing by default.
     */
    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {}

    /**
     * An established connection ended (after the protocol's {@code connectionLost}): {@code reason}
     * wraps {@link io.jtwisted.internet.error.ConnectionDone} or
     * {@link io.jtwisted.internet.error.ConnectionLost}. Does nothing by default.
     */
    @Override
    public void clientConnectionLost(IConnector connector, Failure reason) {}
}
