package io.jtwisted.internet.interfaces;

import java.nio.ByteBuffer;

/**
 * A protocol's connection to the outside world: bytes out, and the way to close.
 * All methods are called on the reactor thread.
 */
public interface ITransport {
    /**
     * Buffers {@code data} to be sent, in order, as soon as possible; never blocks. The
     * transport keeps the array: do not change it afterwards.
     */
    void write(byte[] data);

    /**
     * Buffers the remaining bytes of {@code data}, copying them, or sends them at once; either way
     * the buffer's position moves to its limit and the caller may reuse the buffer when this
     * returns. (The TCP and UNIX stream transports send a direct buffer at once, without a copy,
     * when nothing written before waits.)
     */
    void write(ByteBuffer data);

    /** Writes each array in turn, as one gathering write where possible. */
    void writeSequence(Iterable<byte[]> data);

    /**
     * Closes the connection once every byte written so far has been handed to the operating
     * system and any registered producer has unregistered. Reading stops at once.
     */
    void loseConnection();

    /** Closes the connection now, dropping whatever is still buffered. */
    void abortConnection();

    /**
     * True once {@link #loseConnection()} or {@link #abortConnection()} has been called, as
     * Twisted's {@code transport.disconnecting}. Line parsers check it to stop delivering lines that
     * arrived after the one that closed the connection. Transports should override this default,
     * which says "never".
     */
    default boolean disconnecting() {
        return false;
    }

    /** The address of the other end. */
    IAddress getPeer();

    /** The address of this end. */
    IAddress getHost();
}
