package io.jtwisted.internet.error;

import io.jtwisted.python.failure.Failure;

/** The connection was lost in a non-clean fashion. */
public class ConnectionLost extends ConnectionClosed {
    private static final String MESSAGE = "Connection to the other side was lost in a non-clean fashion.";

    /**
     * The reason of a connection lost without more to say (the peer reset it, the reactor shut
     * down), shared, without a stack trace: Twisted's {@code twisted.internet.main.CONNECTION_LOST}.
     */
    public static final Failure CONNECTION_LOST = new Failure(new ConnectionLost(MESSAGE, true));

    public ConnectionLost() {
        super(MESSAGE);
    }

    public ConnectionLost(String message) {
        super(message);
    }

    public ConnectionLost(String message, Throwable cause) {
        super(message, cause);
    }

    private ConnectionLost(String message, boolean shared) {
        super(message, shared);
    }
}
