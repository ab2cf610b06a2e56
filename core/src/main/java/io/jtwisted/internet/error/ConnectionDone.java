package io.jtwisted.internet.error;

import io.jtwisted.python.failure.Failure;

/** The connection was closed cleanly. */
public class ConnectionDone extends ConnectionClosed {
    private static final String MESSAGE = "Connection was closed cleanly.";

    /**
     * The reason of every ordinary clean close, shared, without a stack trace: Twisted's
     * {@code twisted.internet.main.CONNECTION_DONE}.
     */
    public static final Failure CONNECTION_DONE = new Failure(new ConnectionDone(MESSAGE, true));

    public ConnectionDone() {
        super(MESSAGE);
    }

    public ConnectionDone(String message) {
        super(message);
    }

    private ConnectionDone(String message, boolean shared) {
        super(message, shared);
    }
}
