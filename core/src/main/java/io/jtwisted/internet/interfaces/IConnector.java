package io.jtwisted.internet.interfaces;

/**
 * The link between a client connection attempt and its {@code ClientFactory}, as Twisted's
 * {@code IConnector}: the factory is given it in every callback, and may call {@link #connect()}
 * again to reconnect. Used on the reactor thread.
 */
public interface IConnector {
    /**
     * Stops the attempt in progress; the factory gets {@code clientConnectionFailed} with a
     * {@link io.jtwisted.internet.error.UserError}.
     *
     * @throws io.jtwisted.internet.error.NotConnectingError if no attempt is in progress
     */
    void stopConnecting();

    /** Stops the attempt in progress, or drops the connection if it is up. */
    void disconnect();

    /** Starts a new connection attempt (after a failure or a lost connection: reconnection). */
    void connect();

    /** The address this connector connects to. */
    IAddress getDestination();
}
