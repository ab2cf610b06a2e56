package io.jtwisted.internet.error;

/** Raised when changing an {@link io.jtwisted.internet.interfaces.IDelayedCall} that has already run. */
public class AlreadyCalled extends IllegalStateException {
    public AlreadyCalled() {
        super("Tried to cancel an already-called event.");
    }
}
