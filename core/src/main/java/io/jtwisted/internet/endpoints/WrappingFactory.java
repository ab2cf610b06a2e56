package io.jtwisted.internet.endpoints;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectingCancelledError;
import io.jtwisted.internet.error.NoProtocol;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IProtocolFactory;
import io.jtwisted.internet.protocol.ClientFactory;
import io.jtwisted.python.failure.Failure;
import org.jspecify.annotations.Nullable;

/**
 * Adapts a plain protocol factory to the {@code connectTCP} client API and turns the outcome
 * into a Deferred, as Twisted's {@code _WrappingFactory}. Cancelling {@link #onConnection()}
 * before the connection is made stops the attempt and fails it with
 * {@link ConnectingCancelledError}.
 */
final class WrappingFactory extends ClientFactory {
    private final IProtocolFactory wrapped;
    private final Deferred<IProtocol> onConnection;
    private @Nullable IConnector connector; // once startedConnecting

    WrappingFactory(IProtocolFactory wrapped) {
        this.wrapped = wrapped;
        this.onConnection = new Deferred<>(this::cancel);
    }

    Deferred<IProtocol> onConnection() {
        return onConnection;
    }

    private void cancel(Deferred<IProtocol> d) {
        IConnector c = connector;
        d.errback(new ConnectingCancelledError(c == null ? null : c.getDestination()));
        if (c != null) {
            c.stopConnecting();
        }
    }

    @Override
    public void startedConnecting(IConnector connector) {
        this.connector = connector;
    }

    @Override
    public @Nullable IProtocol buildProtocol(IAddress address) {
        IProtocol proto;
        try {
            proto = wrapped.buildProtocol(address);
            if (proto == null) {
                throw new NoProtocol("the factory " + wrapped + " returned no protocol from buildProtocol");
            }
        } catch (Throwable e) {
            Failure.rethrowIfFatal(e);
            if (!onConnection.called()) {
                onConnection.errback(e);
            }
            return null;
        }
        return new WrappingProtocol(onConnection, proto);
    }

    @Override
    public void clientConnectionFailed(IConnector connector, Failure reason) {
        if (!onConnection.called()) {
            onConnection.errback(reason);
        }
    }

    // The wrapped factory is started and stopped along with this one: pass the calls through,
    // bypassing Factory's own counting (this factory has no startFactory of its own).
    @Override
    public void startFactory() {
        wrapped.doStart();
    }

    @Override
    public void stopFactory() {
        wrapped.doStop();
    }
}
