package io.jtwisted.internet.error;

/** Raised by {@code stop()} when the reactor is not running (or is already shutting down). */
public class ReactorNotRunning extends RuntimeException {
    public ReactorNotRunning() {
        super("Can't stop reactor that isn't running.");
    }

    public ReactorNotRunning(String message) {
        super(message);
    }
}
