package io.jtwisted.internet.error;

/** The connection was closed by {@code abortConnection()} on this side, as Twisted's {@code ConnectionAborted}. */
public class ConnectionAborted extends ConnectionLost {
    public ConnectionAborted() {
        super("Connection was aborted locally using ITCPTransport.abortConnection.");
    }
}
