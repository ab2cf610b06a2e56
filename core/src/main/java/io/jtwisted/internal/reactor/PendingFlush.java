package io.jtwisted.internal.reactor;

/**
 * Something with buffered output, registered with {@link NioReactor#requestFlush}: flushed once at
 * the end of the loop turn, after every read of that turn, so many small writes become one
 * system call.
 */
@FunctionalInterface
public interface PendingFlush {
    /** Writes what is buffered (as much as the socket takes). Called on the reactor thread. */
    void flushPending();
}
