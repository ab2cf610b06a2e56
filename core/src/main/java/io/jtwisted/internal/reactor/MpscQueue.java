package io.jtwisted.internal.reactor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * An unbounded multi-producer, single-consumer queue without locks and without an allocation per
 * element: a linked list of fixed-size chunks. A producer claims a slot of the current tail chunk
 * with one atomic increment and publishes its element there; the producer that finds the chunk full
 * links (or helps link) the next one. The consumer walks the slots in claim order, stopping at the
 * first slot not yet published.
 *
 * <p>{@link #offer} is safe from any thread; {@link #isEmpty} and {@link #drain} belong to the one
 * consumer thread.
 */
final class MpscQueue<E> {
    static final int CHUNK_SIZE = 1024;

    private static final VarHandle TAIL;
    private static final VarHandle CLAIMED;
    private static final VarHandle NEXT;
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            TAIL = lookup.findVarHandle(MpscQueue.class, "tail", Chunk.class);
            CLAIMED = lookup.findVarHandle(Chunk.class, "claimed", int.class);
            NEXT = lookup.findVarHandle(Chunk.class, "next", Chunk.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Chunk {
        final Object[] slots = new Object[CHUNK_SIZE];
        final long sequence; // position of this chunk in the list: 0, 1, 2, ...
        @SuppressWarnings("unused") // through CLAIMED: how many slots producers have claimed (may exceed CHUNK_SIZE)
        volatile int claimed;
        @SuppressWarnings("unused") // through NEXT
        volatile Chunk next;

        Chunk(long sequence) {
            this.sequence = sequence;
        }
    }

    @SuppressWarnings("unused") // through TAIL: the chunk producers claim slots in
    private volatile Chunk tail;
    private Chunk head; // consumer's chunk
    private int headIndex; // consumer's next slot in head

    MpscQueue() {
        Chunk first = new Chunk(0);
        head = first;
        tail = first;
    }

    /** Adds {@code value} at the end; safe from any thread. */
    void offer(E value) {
        if (value == null) {
            throw new NullPointerException();
        }
        for (;;) {
            Chunk chunk = (Chunk) TAIL.getVolatile(this);
            int index = (int) CLAIMED.getAndAdd(chunk, 1);
            if (index < CHUNK_SIZE) {
                SLOT.setVolatile(chunk.slots, index, value);
                return;
            }
            Chunk next = (Chunk) NEXT.getVolatile(chunk);
            if (next == null) {
                Chunk created = new Chunk(chunk.sequence + 1);
                Chunk witness = (Chunk) NEXT.compareAndExchange(chunk, null, created);
                next = witness == null ? created : witness;
            }
            TAIL.compareAndSet(this, chunk, next);
        }
    }

    /**
     * True when no element is published at the consumer's position. An element being offered right
     * now may not be seen; its producer then sees whatever the consumer announced before calling
     * this (the reactor's "sleeping" flag) and wakes it.
     */
    boolean isEmpty() {
        Chunk chunk = head;
        int index = headIndex;
        if (index == CHUNK_SIZE) {
            chunk = (Chunk) NEXT.getVolatile(chunk);
            if (chunk == null) {
                return true;
            }
            index = 0;
        }
        return SLOT.getVolatile(chunk.slots, index) == null;
    }

    /**
     * Passes to {@code action}, in order, the published elements that were claimed before this call
     * began; those offered meanwhile wait for the next drain. Returns how many it passed.
     */
    int drain(Consumer<? super E> action) {
        Chunk lastChunk = (Chunk) TAIL.getVolatile(this);
        long lastSequence = lastChunk.sequence;
        int lastClaimed = Math.min((int) CLAIMED.getVolatile(lastChunk), CHUNK_SIZE);
        int count = 0;
        for (;;) {
            Chunk chunk = head;
            int index = headIndex;
            if (chunk.sequence == lastSequence && index >= lastClaimed) {
                return count;
            }
            if (index == CHUNK_SIZE) {
                Chunk next = (Chunk) NEXT.getVolatile(chunk);
                if (next == null) {
                    return count;
                }
                head = next; // the consumed chunk becomes garbage
                headIndex = 0;
                continue;
            }
            @SuppressWarnings("unchecked")
            E value = (E) SLOT.getVolatile(chunk.slots, index);
            if (value == null) {
                return count; // claimed, not yet published: next drain
            }
            chunk.slots[index] = null;
            headIndex = index + 1;
            count++;
            action.accept(value);
        }
    }
}
