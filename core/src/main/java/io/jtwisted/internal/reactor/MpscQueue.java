package io.jtwisted.internal.reactor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Consumer;

/**
 * An unbounded multi-producer, single-consumer queue without locks (a linked list whose tail
 * producers swap atomically, after Dmitry Vyukov's design). {@link #offer} is safe from any
 * thread; the other methods belong to the one consumer thread.
 */
final class MpscQueue<E> {
    private static final VarHandle TAIL;

    static {
        try {
            TAIL = MethodHandles.lookup().findVarHandle(MpscQueue.class, "tail", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final class Node<E> {
        E value;
        volatile Node<E> next;

        Node(E value) {
            this.value = value;
        }
    }

    private Node<E> head; // consumer's: a consumed (or stub) node; head.next is the first element
    @SuppressWarnings("unused") // accessed through TAIL
    private volatile Node<E> tail;

    MpscQueue() {
        Node<E> stub = new Node<>(null);
        head = stub;
        tail = stub;
    }

    /** Adds {@code value} at the end; safe from any thread. */
    @SuppressWarnings("unchecked")
    void offer(E value) {
        Node<E> node = new Node<>(value);
        Node<E> previous = (Node<E>) TAIL.getAndSet(this, node);
        previous.next = node;
    }

    /**
     * True when nothing was offered that has not been consumed. A value being offered right now
     * counts as present (the caller should then come back soon rather than block).
     */
    boolean isEmpty() {
        return tail == head;
    }

    /**
     * Passes to {@code action} the values offered before this call began (those completely
     * linked in), in order; values offered meanwhile wait for the next drain. Returns how many.
     */
    int drain(Consumer<? super E> action) {
        Node<E> last = tail;
        int count = 0;
        Node<E> current = head;
        while (current != last) {
            Node<E> next = current.next;
            if (next == null) {
                break; // a producer swapped the tail but has not linked its node yet
            }
            E value = next.value;
            next.value = null;
            head = next;
            current = next;
            count++;
            action.accept(value);
        }
        return count;
    }
}
