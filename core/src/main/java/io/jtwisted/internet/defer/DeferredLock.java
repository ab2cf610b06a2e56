package io.jtwisted.internet.defer;

import java.util.ArrayDeque;

/**
 * A lock for code that runs on one thread but waits asynchronously, as Twisted's
 * {@code DeferredLock}: {@link #acquire()} returns a Deferred that fires once the lock is
 * held; waiters get it in the order they asked. Not thread-safe: use it from the reactor thread.
 */
public final class DeferredLock implements ConcurrencyPrimitive {
    private final ArrayDeque<Deferred<DeferredLock>> waiting = new ArrayDeque<>();
    private boolean locked;

    /** True while someone holds the lock. */
    public boolean locked() {
        return locked;
    }

    /**
     * Fires (at once when the lock is free) with this lock once it is held by the caller.
     * Cancelling the Deferred before it fires removes the caller from the queue.
     */
    @Override
    public Deferred<DeferredLock> acquire() {
        Deferred<DeferredLock> d = new Deferred<>(waiting::remove);
        if (locked) {
            waiting.add(d);
        } else {
            locked = true;
            d.callback(this);
        }
        return d;
    }

    /**
     * Releases the lock, handing it to the next waiter if there is one.
     *
     * @throws IllegalStateException if the lock is not held
     */
    @Override
    public void release() {
        if (!locked) {
            throw new IllegalStateException("Tried to release an unlocked lock");
        }
        locked = false;
        Deferred<DeferredLock> next = waiting.poll();
        if (next != null) {
            locked = true;
            next.callback(this);
        }
    }

    @Override
    public String toString() {
        return "<DeferredLock locked=" + locked + " waiting=" + waiting.size() + ">";
    }
}
