package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.ITransport;

/**
 * The connection bookkeeping every protocol shares: {@link #transport} and {@link #connected}.
 * Subclasses write {@code transport.write(...)} as in Twisted; other code reads
 * {@link #transport()}.
 */
public abstract class BaseProtocol {
    /**
     * The transport this protocol is connected to. Set by {@link #makeConnection} before any callback
     * runs, so its type says non-null: it is null only before the connection is made.
     */
    @SuppressWarnings("NullAway.Init") // set by makeConnection before any callback of the protocol runs
    protected ITransport transport;

    /** True from {@link #makeConnection} until the connection is lost. */
    protected boolean connected;

    /** Sets {@link #transport} and {@link #connected}, then calls {@link #connectionMade()}. */
    public void makeConnection(ITransport transport) {
        this.connected = true;
        this.transport = transport;
        connectionMade();
    }

    /** Called when the connection is up; does nothing by default. */
    public void connectionMade() {}

    /** The transport this protocol is connected to (null only before {@link #makeConnection}, see {@link #transport}). */
    public ITransport transport() {
        return transport;
    }

    /** True while connected. */
    public boolean connected() {
        return connected;
    }
}
