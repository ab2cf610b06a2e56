package io.jtwisted.internet.error;

/** Raised when changing an {@link io.jtwisted.internet.interfaces.IDelayedCall} that was cancelled. */
public class AlreadyCancelled extends IllegalStateException {
    public AlreadyCancelled() {
        super("Tried to cancel an already-cancelled event.");
    }
}
