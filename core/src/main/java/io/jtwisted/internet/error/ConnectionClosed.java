package io.jtwisted.internet.error;

/** The common type of the reasons a connection ends. */
public class ConnectionClosed extends RuntimeException {
    public ConnectionClosed(String message) {
        super(message);
    }

    public ConnectionClosed(String message, Throwable cause) {
        super(message, cause);
    }
}
