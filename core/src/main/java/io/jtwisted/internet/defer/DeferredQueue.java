package io.jtwisted.internet.defer;

import java.util.ArrayDeque;
import java.util.LinkedList;
import org.jspecify.annotations.Nullable;

/**
 * An event-driven queue, as Twisted's {@code DeferredQueue}: {@link #get()} returns a Deferred
 * that fires with the next object {@link #put} in. Objects wait in the queue when nobody is
 * getting; getters wait when it is empty; both in arrival order. Optional limits bound both
 * sides. Not thread-safe: use it from the reactor thread.
 *
 * @param <T> the type of the objects queued (a {@code @Nullable} type to queue nulls)
 */
public final class DeferredQueue<T extends @Nullable Object> {
    /** No limit on pending objects or waiting getters. */
    public static final int UNBOUNDED = -1;

    private final ArrayDeque<Deferred<T>> waiting = new ArrayDeque<>();

    @SuppressWarnings("JdkObsolete") // ArrayDeque refuses null, and a queue of Deferred results may hold nulls
    private final LinkedList<T> pending = new LinkedList<>();

    private final int size;
    private final int backlog;

    /** A queue without limits. */
    public DeferredQueue() {
        this(UNBOUNDED, UNBOUNDED);
    }

    /**
     * @param size the most objects that may wait in the queue, or {@link #UNBOUNDED}
     * @param backlog the most getters that may wait for an object, or {@link #UNBOUNDED}
     */
    public DeferredQueue(int size, int backlog) {
        if (size < UNBOUNDED || backlog < UNBOUNDED) {
            throw new IllegalArgumentException("size and backlog must be >= 0 or UNBOUNDED");
        }
        this.size = size;
        this.backlog = backlog;
    }

    /**
     * Hands {@code object} to the first waiting getter, or queues it.
     *
     * @throws QueueOverflow if nobody waits and {@code size} objects are queued already
     */
    public void put(T object) {
        Deferred<T> getter = waiting.poll();
        if (getter != null) {
            getter.callback(object);
        } else if (size == UNBOUNDED || pending.size() < size) {
            pending.add(object);
        } else {
            throw new QueueOverflow();
        }
    }

    /**
     * A Deferred that fires with the next object: at once when one is queued. Cancelling it
     * while it waits removes it from the getters, so no object is lost to it.
     *
     * @throws QueueUnderflow if the queue is empty and {@code backlog} getters wait already
     */
    public Deferred<T> get() {
        if (!pending.isEmpty()) {
            return Deferred.succeed(pending.removeFirst());
        }
        if (backlog == UNBOUNDED || waiting.size() < backlog) {
            Deferred<T> d = new Deferred<>(waiting::remove);
            waiting.add(d);
            return d;
        }
        throw new QueueUnderflow();
    }

    /** How many objects wait in the queue. */
    public int pendingCount() {
        return pending.size();
    }

    /** How many getters wait for an object. */
    public int waitingCount() {
        return waiting.size();
    }
}
