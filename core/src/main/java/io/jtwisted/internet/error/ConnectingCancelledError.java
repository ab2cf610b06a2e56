package io.jtwisted.internet.error;

import io.jtwisted.internet.interfaces.IAddress;

/**
 * The Deferred of an endpoint's {@code connect} was cancelled before the connection was made; the
 * attempt was aborted. As Twisted's {@code twisted.internet.error.ConnectingCancelledError}.
 */
public class ConnectingCancelledError extends RuntimeException {
    private final IAddress address;

    public ConnectingCancelledError(IAddress address) {
        super("Connection to " + address + " was cancelled");
        this.address = address;
    }

    /** The address the cancelled attempt was connecting to. */
    public IAddress address() {
        return address;
    }
}
