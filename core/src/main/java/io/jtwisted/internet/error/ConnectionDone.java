package io.jtwisted.internet.error;

/** The connection was closed cleanly. */
public class ConnectionDone extends ConnectionClosed {
    public ConnectionDone() {
        super("Connection was closed cleanly.");
    }

    public ConnectionDone(String message) {
        super(message);
    }
}
