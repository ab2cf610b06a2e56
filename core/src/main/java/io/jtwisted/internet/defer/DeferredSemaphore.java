package io.jtwisted.internet.defer;

import java.util.ArrayDeque;

/**
 * A semaphore with a fixed number of tokens for code that waits asynchronously, as Twisted's
 * {@code DeferredSemaphore}: at most {@link #limit()} holders at a time, the others wait in
 * order. Handy to bound concurrency: {@code sem.runDeferring(() -> fetch(url))}. Not
 * thread-safe: use it from the reactor thread.
 */
public final class DeferredSemaphore implements ConcurrencyPrimitive {
    private final ArrayDeque<Deferred<DeferredSemaphore>> waiting = new ArrayDeque<>();
    private final int limit;
    private int tokens;

    /**
     * @param tokens how many holders may hold it at once
     * @throws IllegalArgumentException if {@code tokens} is less than one
     */
    public DeferredSemaphore(int tokens) {
        if (tokens < 1) {
            throw new IllegalArgumentException("DeferredSemaphore requires tokens >= 1, got " + tokens);
        }
        this.tokens = tokens;
        this.limit = tokens;
    }

    /** The tokens free right now. */
    public int tokens() {
        return tokens;
    }

    /** The number of tokens it was made with. */
    public int limit() {
        return limit;
    }

    /**
     * Fires (at once when a token is free) with this semaphore once the caller holds a token.
     * Cancelling the Deferred before it fires removes the caller from the queue.
     */
    @Override
    public Deferred<DeferredSemaphore> acquire() {
        Deferred<DeferredSemaphore> d = new Deferred<>(waiting::remove);
        if (tokens == 0) {
            waiting.add(d);
        } else {
            tokens--;
            d.callback(this);
        }
        return d;
    }

    /**
     * Gives a token back, handing it to the next waiter if there is one.
     *
     * @throws IllegalStateException if no token is held
     */
    @Override
    public void release() {
        if (tokens >= limit) {
            throw new IllegalStateException("Tried to release a semaphore that is not held");
        }
        tokens++;
        Deferred<DeferredSemaphore> next = waiting.poll();
        if (next != null) {
            tokens--;
            next.callback(this);
        }
    }

    @Override
    public String toString() {
        return "<DeferredSemaphore tokens=" + tokens + "/" + limit + " waiting=" + waiting.size() + ">";
    }
}
