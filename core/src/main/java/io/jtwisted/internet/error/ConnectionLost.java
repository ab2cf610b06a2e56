package io.jtwisted.internet.error;

/** The connection was lost in a non-clean fashion. */
public class ConnectionLost extends ConnectionClosed {
    public ConnectionLost() {
        super("Connection to the other side was lost in a non-clean fashion.");
    }

    public ConnectionLost(String message) {
        super(message);
    }

    public ConnectionLost(String message, Throwable cause) {
        super(message, cause);
    }
}
