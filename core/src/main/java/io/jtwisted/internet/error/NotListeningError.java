package io.jtwisted.internet.error;

/** A port that is not listening was asked to stop listening. */
public class NotListeningError extends IllegalStateException {
    public NotListeningError() {
        super("The Port was not listening when it was asked to stop listening.");
    }
}
