package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.Failure;

/**
 * Something a reactor watches for I/O (a connection, a listening port, a connection attempt), as
 * Twisted's {@code IFileDescriptor}. What {@link IReactorFDSet} lists and removes.
 */
public interface IFileDescriptor {
    /**
     * The descriptor's connection is gone for good: close the socket and tell whoever listens (the
     * protocol, the factory). The reactor calls this for every descriptor still registered when it
     * shuts down, with a {@code ConnectionLost} reason, as Twisted's {@code disconnectAll} does.
     * Calling it again does nothing. Called on the reactor thread.
     */
    void connectionLost(Failure reason);
}
