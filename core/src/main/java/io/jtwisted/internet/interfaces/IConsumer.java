package io.jtwisted.internet.interfaces;

/** Takes data from a producer, with flow control. */
public interface IConsumer {
    /**
     * Registers {@code producer}. A streaming (push) producer is paused and resumed by the
     * consumer; a non-streaming (pull) producer is asked for each chunk.
     *
     * @throws IllegalStateException if a producer is registered already
     */
    void registerProducer(IProducer producer, boolean streaming);

    /** Forgets the registered producer; a pending {@code loseConnection} may now complete. */
    void unregisterProducer();

    /** Takes {@code data}; the array must not be changed by the caller afterwards. */
    void write(byte[] data);
}
