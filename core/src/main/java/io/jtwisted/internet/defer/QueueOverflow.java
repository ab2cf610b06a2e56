package io.jtwisted.internet.defer;

/** Raised by {@link DeferredQueue#put} when the queue already holds its maximum size of objects. */
public class QueueOverflow extends RuntimeException {
    public QueueOverflow() {
        super("the DeferredQueue is full");
    }
}
