package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.Failure;

/**
 * What a process transport calls as a child process lives, as Twisted's {@code
 * IProcessProtocol}: connected, data from one of the child's descriptors, a descriptor closed,
 * the child exited, everything over. Every method is called on the reactor thread.
 */
public interface IProcessProtocol {
    /** Connects this protocol to the child's {@code transport} (inside {@code spawnProcess}). */
    void makeConnection(IProcessTransport transport);

    /**
     * The child wrote {@code data} to its descriptor {@code childFD} (1 for stdout, 2 for
     * stderr). {@code data} is a fresh array that belongs to the protocol; its boundaries say
     * nothing about the child's writes. An exception thrown here closes that descriptor only.
     */
    void childDataReceived(int childFD, byte[] data);

    /**
     * The pipe to the child's descriptor {@code childFD} is closed: the child closed it (or
     * exited), or this side closed it with {@code closeChildFD}. Called once per pipe.
     */
    void childConnectionLost(int childFD);

    /**
     * The child exited. {@code reason} wraps {@link io.jtwisted.internet.error.ProcessDone} for
     * exit code 0, {@link io.jtwisted.internet.error.ProcessTerminated} otherwise. Output may
     * still arrive after this (from the pipes' buffers, or from a grandchild that holds them).
     */
    void processExited(Failure reason);

    /**
     * The child exited and every pipe to it is closed: the last call this protocol gets, with the
     * same reason as {@link #processExited}.
     */
    void processEnded(Failure reason);
}
