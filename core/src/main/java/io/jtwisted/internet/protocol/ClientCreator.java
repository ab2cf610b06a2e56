package io.jtwisted.internet.protocol;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IProtocol;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.Failure;
import java.net.InetSocketAddress;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Connects one protocol instance and gives it back through a Deferred, as Twisted's (older)
 * {@code ClientCreator}; endpoints with {@code Endpoints.connectProtocol} are the newer way.
 *
 * @param <P> the protocol type
 */
public class ClientCreator<P extends Protocol> {
    private final IReactorTCP tcp;
    private final IReactorTime time;
    private final Supplier<? extends P> protocol;

    /** A creator connecting protocols from {@code protocol} with {@code reactor} (e.g. the global reactor). */
    public <R extends IReactorTCP & IReactorTime> ClientCreator(R reactor, Supplier<? extends P> protocol) {
        this.tcp = reactor;
        this.time = reactor;
        this.protocol = protocol;
    }

    /** Connects with a 30 second timeout. */
    public Deferred<P> connectTCP(String host, int port) {
        return connectTCP(host, port, IReactorTCP.DEFAULT_TIMEOUT, null);
    }

    /**
     * Connects to {@code host}:{@code port}, from {@code bindAddress} unless it is null.
     *
     * @return a Deferred firing with the connected protocol (on a later reactor turn than
     *     {@code connectionMade}), or failing with the reason the connection failed. Cancelling
     *     it stops the attempt.
     */
    public Deferred<P> connectTCP(String host, int port, double timeout, @Nullable InetSocketAddress bindAddress) {
        InstanceFactory<P> factory = new InstanceFactory<>(time, protocol.get());
        IConnector[] connector = new IConnector[1];
        Deferred<P> result = new Deferred<>(d -> {
            connector[0].disconnect();
            factory.cancelPending();
        });
        factory.deferred = result;
        connector[0] = tcp.connectTCP(host, port, factory, timeout, bindAddress);
        return result;
    }

    /** Hands one protocol instance to the connection and fires the Deferred on the next turn. */
    private static final class InstanceFactory<P extends Protocol> extends ClientFactory {
        private final IReactorTime time;
        private final P instance;
        private @Nullable Deferred<P> deferred;
        private @Nullable IDelayedCall pending;

        InstanceFactory(IReactorTime time, P instance) {
            this.time = time;
            this.instance = instance;
        }

        @Override
        public IProtocol buildProtocol(IAddress address) {
            Deferred<P> d = deferred;
            deferred = null;
            if (d != null) {
                pending = time.callLater(0, () -> {
                    pending = null;
                    d.callback(instance);
                });
            }
            return instance; // as Twisted's _InstanceFactory: the instance's factory is left unset
        }

        @Override
        public void clientConnectionFailed(IConnector connector, Failure reason) {
            Deferred<P> d = deferred;
            deferred = null;
            if (d != null) {
                pending = time.callLater(0, () -> {
                    pending = null;
                    d.errback(reason);
                });
            }
        }

        void cancelPending() {
            if (pending != null) {
                pending.cancel();
                pending = null;
            }
        }
    }
}
