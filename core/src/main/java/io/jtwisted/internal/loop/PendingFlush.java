package io.jtwisted.internal.loop;

/**
 * Something with buffered output, registered with {@link EventLoop#requestFlush}: flushed once at
 * the end of the loop turn, after every read of that turn, so many small writes become one
 * system call. An exception escaping {@link #flushPending} is logged, and a flusher that is also
 * a {@link Selectable} is closed with it as the reason.
 */
@FunctionalInterface
public interface PendingFlush {
    /** Writes what is buffered (as much as the socket takes). Called on the reactor thread. */
    void flushPending();
}
