package io.jtwisted.application.internet;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.defer.Deferred;
import org.jspecify.annotations.Nullable;

/**
 * A service that listens while it runs, as Twisted's {@code _AbstractServer}: it starts listening in
 * {@link #privilegedStartService()} (so a port below 1024 is bound before privileges would be dropped), or
 * in {@link #startService()} when that was skipped, and stops listening when it stops.
 *
 * @param <P> the kind of port the reactor returns
 * @param <R> the reactor interface it listens through
 */
public abstract class AbstractServer<P, R> extends Service {
    private @Nullable R reactor;
    private @Nullable P port;

    /** Listens through {@code reactor}, or through the global reactor when it is {@code null}. */
    protected AbstractServer(@Nullable R reactor) {
        this.reactor = reactor;
    }

    /** The reactor this service listens through ({@code null}: the global one). */
    public @Nullable R reactor() {
        return reactor;
    }

    /** Makes the service listen through {@code reactor} (before it starts); returns this service. */
    public AbstractServer<P, R> setReactor(@Nullable R reactor) {
        this.reactor = reactor;
        return this;
    }

    /** The port while the service listens, else {@code null}: its {@code getHost()} tells a port 0's number. */
    public @Nullable P port() {
        return port;
    }

    /** Calls the reactor's listen method with this service's arguments. */
    protected abstract P listen(R reactor);

    /** The global reactor, typed as this service's reactor interface. */
    protected abstract R globalReactor();

    /** Stops listening on {@code port}. */
    protected abstract Deferred<?> stopListening(P port);

    @Override
    public void privilegedStartService() {
        super.privilegedStartService();
        port = listen(reactor != null ? reactor : globalReactor());
    }

    @Override
    public void startService() {
        super.startService();
        if (port == null) {
            port = listen(reactor != null ? reactor : globalReactor());
        }
    }

    /** Stops listening; the Deferred fires once the port is closed. */
    @Override
    public @Nullable Deferred<?> stopService() {
        super.stopService();
        P listening = port;
        if (listening == null) {
            return null;
        }
        port = null;
        return stopListening(listening);
    }
}
