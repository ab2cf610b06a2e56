package io.jtwisted.internet.protocol;

import io.jtwisted.internet.interfaces.ITransport;

/**
 * The connection bookkeeping every protocol shares: {@link #transport} and {@link #connected}.
 * Subclasses write {@code transport.write(...)} as in Twisted; other code reads
 * {@link #transport()}.
 */
public abstract class BaseProtocol {
    /** The transport this protocol is connected to, or {@code null} before the connection is made. */
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
    public void connectionMade() {
    }

    /** The transport this protocol is connected to, or {@code null}. */
    public ITransport transport() {
        return transport;
    }

    /** True while connected. */
    public boolean connected() {
        return connected;
    }
}
