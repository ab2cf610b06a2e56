package io.jtwisted.internet.testing;

import io.jtwisted.internet.interfaces.IAddress;
import io.jtwisted.internet.interfaces.IConnector;

/**
 * The connector {@link MemoryReactor#connectTCP} returns: it connects nowhere and records what
 * it was asked ({@link #stoppedConnecting()}, {@link #disconnected()}), as Twisted's
 * {@code _FakeConnector}. Complete its connection with a {@link ConnectionCompleter}.
 */
public final class FakeConnector implements IConnector {
    private final IAddress destination;
    private boolean stoppedConnecting;
    private boolean disconnected;

    /** A connector pretending to connect to {@code destination}. */
    public FakeConnector(IAddress destination) {
        this.destination = destination;
    }

    @Override
    public void stopConnecting() {
        stoppedConnecting = true;
    }

    @Override
    public void disconnect() {
        disconnected = true;
    }

    /** Does nothing. */
    @Override
    public void connect() {}

    @Override
    public IAddress getDestination() {
        return destination;
    }

    /** True once {@link #stopConnecting()} was called. */
    public boolean stoppedConnecting() {
        return stoppedConnecting;
    }

    /** True once {@link #disconnect()} was called. */
    public boolean disconnected() {
        return disconnected;
    }

    @Override
    public String toString() {
        return "<FakeConnector to " + destination + ">";
    }
}
