package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.Failure;

/** What a transport calls as a connection lives: made, data, lost. */
public interface IProtocol {
    /** Connects this protocol to {@code transport}, then calls {@link #connectionMade()}. */
    void makeConnection(ITransport transport);

    /** The connection is up; a good place to send a greeting. */
    void connectionMade();

    /**
     * Bytes arrived: {@code data} is a fresh array that belongs to the protocol. Its boundaries say
     * nothing about the sender's writes. An exception thrown here closes this connection only.
     */
    void dataReceived(byte[] data);

    /**
     * The connection is gone. {@code reason} wraps
     * {@link io.jtwisted.internet.error.ConnectionDone} for a clean close and
     * {@link io.jtwisted.internet.error.ConnectionLost} (or another error) otherwise.
     */
    void connectionLost(Failure reason);
}
