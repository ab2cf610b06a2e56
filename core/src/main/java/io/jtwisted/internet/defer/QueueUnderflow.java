package io.jtwisted.internet.defer;

/** Raised by {@link DeferredQueue#get} when its backlog of waiting getters is already full. */
public class QueueUnderflow extends RuntimeException {
    public QueueUnderflow() {
        super("too many getters are already waiting on the DeferredQueue");
    }
}
