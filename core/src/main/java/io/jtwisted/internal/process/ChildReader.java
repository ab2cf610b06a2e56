package io.jtwisted.internal.process;

import io.jtwisted.internal.loop.EventLoop;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * One pipe from the child (its stdout or stderr). The JDK's process pipes are not selectable, so
 * a virtual thread blocks in {@code read} and hands each chunk to the reactor thread with {@code
 * callFromThread}. It then waits for a permit before reading again: the reactor gives one once
 * the chunk is delivered and the transport is not paused. So at most one chunk per pipe is ever
 * in flight, nothing is delivered while the transport is paused (a chunk that arrives then is
 * held until it resumes), and nothing more is read: the pipe fills and the child blocks in
 * {@code write}, as a peer does behind a full socket.
 *
 * <p>Fields marked "reactor" are touched only on the reactor thread; the reading thread touches
 * only the stream, {@link #credit} and {@link #closed}.
 */
final class ChildReader implements Runnable {
    private static final int CHUNK = 64 * 1024; // a Linux pipe's default capacity: one read can drain it

    private final ProcessTransport owner;
    private final EventLoop reactor;
    private final int childFD;
    private final InputStream in;
    private final Semaphore credit = new Semaphore(0);
    private volatile boolean closed;
    private boolean paused; // reactor
    private boolean owed; // reactor: the protocol paused while taking a chunk; the reader's permit waits for resume
    private byte @Nullable [] held; // reactor: a chunk that arrived while paused

    ChildReader(ProcessTransport owner, EventLoop reactor, int childFD, InputStream in) {
        this.owner = owner;
        this.reactor = reactor;
        this.childFD = childFD;
        this.in = in;
    }

    void start(String threadName) {
        Thread.ofVirtual().name(threadName).start(this);
    }

    /** The reading thread: chunks until end of file, an error, or {@link #close()}. */
    @Override
    public void run() {
        byte[] buffer = new byte[CHUNK];
        try {
            while (!closed) {
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    byte[] chunk = Arrays.copyOf(buffer, n);
                    reactor.callFromThread(() -> deliver(chunk));
                    credit.acquireUninterruptibly();
                }
            }
        } catch (IOException e) {
            // closed by this side ("Stream closed"), or a read error: the pipe is gone either way
        }
        reactor.callFromThread(() -> owner.pipeLost(childFD));
    }

    private void deliver(byte[] chunk) {
        if (closed) {
            credit.release();
        } else if (paused) {
            held = chunk; // delivered on resume: nothing reaches the protocol while it is paused
        } else {
            dispatch(chunk);
        }
    }

    private void dispatch(byte[] chunk) {
        owner.childData(childFD, chunk);
        if (closed || !paused) {
            credit.release();
        } else {
            owed = true;
        }
    }

    /** Delivers nothing more until {@link #resume()} (reactor thread). */
    void pause() {
        paused = true;
    }

    /** Delivers and reads again (reactor thread). */
    void resume() {
        paused = false;
        if (held != null) {
            byte[] chunk = held;
            held = null;
            dispatch(chunk);
        } else if (owed) {
            owed = false;
            credit.release();
        }
    }

    /**
     * Closes this side of the pipe (reactor thread), so that the child's further writes fail
     * with EPIPE. A read already blocked in the kernel holds the pipe until the child's next
     * write wakes it: that chunk is dropped, and the write after it fails.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: the descriptor is released either way
        }
        if (owed || held != null) {
            owed = false;
            held = null;
            credit.release();
        }
    }

    boolean closed() {
        return closed;
    }
}
