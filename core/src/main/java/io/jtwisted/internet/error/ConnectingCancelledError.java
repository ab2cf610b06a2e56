package io.jtwisted.internet.error;

import io.jtwisted.internet.interfaces.IAddress;
import org.jspecify.annotations.Nullable;

/**
 * The Deferred of an endpoint's {@code connect} was cancelled before the connection was made; the
 * attempt was aborted. As Twisted's {@code twisted.internet.error.ConnectingCancelledError}.
 */
public class ConnectingCancelledError extends RuntimeException {
    private final @Nullable IAddress address;

    public ConnectingCancelledError(@Nullable IAddress address) {
        super("Connection to " + address + " was cancelled");
        this.address = address;
    }

    /** The address the cancelled attempt was connecting to, or null when it was cancelled before it started. */
    public @Nullable IAddress address() {
        return address;
    }
}
