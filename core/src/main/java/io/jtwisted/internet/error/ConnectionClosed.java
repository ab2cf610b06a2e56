package io.jtwisted.internet.error;

/** The common type of the reasons a connection ends. */
public class ConnectionClosed extends RuntimeException {
    public ConnectionClosed(String message) {
        super(message);
    }

    public ConnectionClosed(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * For the shared reasons of ordinary closes: no stack trace (nothing went wrong, and filling
     * one in costs more than the close), no suppressed exceptions, no cause: immutable.
     */
    ConnectionClosed(String message, boolean shared) {
        super(message, null, false, false);
    }
}
