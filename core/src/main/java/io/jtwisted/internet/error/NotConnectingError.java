package io.jtwisted.internet.error;

/** {@code stopConnecting()} was called on a connector that is not connecting. */
public class NotConnectingError extends IllegalStateException {
    public NotConnectingError() {
        super("The Connector was not connecting when it was asked to stop connecting.");
    }
}
