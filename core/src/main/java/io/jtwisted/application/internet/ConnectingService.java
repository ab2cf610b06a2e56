package io.jtwisted.application.internet;

import io.jtwisted.application.service.Service;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IConnector;
import org.jspecify.annotations.Nullable;

/**
 * What {@link TCPClient}, {@link SSLClient} and {@link UNIXClient} share, as Twisted's
 * {@code _AbstractClient}: one connection attempt started when the service starts, its connector
 * disconnected when the service stops.
 */
abstract class ConnectingService extends Service {
    private @Nullable IConnector connector;

    /** Starts the connection (through the service's reactor) and returns its connector. */
    abstract IConnector connect();

    /** The connector while the service runs, else {@code null}. */
    public @Nullable IConnector connector() {
        return connector;
    }

    @Override
    public void startService() {
        super.startService();
        connector = connect();
    }

    @Override
    public @Nullable Deferred<?> stopService() {
        super.stopService();
        if (connector != null) {
            connector.disconnect();
            connector = null;
        }
        return null;
    }
}
