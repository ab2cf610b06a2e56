package io.jtwisted.application.internet;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IClientFactory;
import io.jtwisted.internet.interfaces.IConnector;
import io.jtwisted.internet.interfaces.IReactorTCP;
import io.jtwisted.internet.interfaces.IReactorUNIX;
import org.jspecify.annotations.Nullable;

/**
 * Connects to a UNIX socket while it runs, as Twisted's {@code internet.UNIXClient}: calls
 * {@link IReactorUNIX#connectUNIX} with its arguments when it starts, and disconnects when it stops.
 */
public class UNIXClient extends ConnectingService {
    private final String address;
    private final IClientFactory factory;
    private final double timeout;
    private final boolean checkPID;
    private @Nullable IReactorUNIX reactor; // null: the global reactor

    /** Connects to the socket file {@code address} within 30 seconds. */
    public UNIXClient(String address, IClientFactory factory) {
        this(address, factory, IReactorTCP.DEFAULT_TIMEOUT, false);
    }

    /** Connects as {@link IReactorUNIX#connectUNIX(String, IClientFactory, double, boolean)} does. */
    public UNIXClient(String address, IClientFactory factory, double timeout, boolean checkPID) {
        this.address = address;
        this.factory = factory;
        this.timeout = timeout;
        this.checkPID = checkPID;
    }

    /** Makes the service connect through {@code reactor} instead of the global one; returns this service. */
    public UNIXClient setReactor(IReactorUNIX reactor) {
        this.reactor = reactor;
        return this;
    }

    @Override
    IConnector connect() {
        return (reactor != null ? reactor : Reactor.reactor).connectUNIX(address, factory, timeout, checkPID);
    }
}
