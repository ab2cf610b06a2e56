package io.jtwisted.internet.defer;

/** Raised by a second {@code callback} or {@code errback} on the same {@link Deferred}. */
public class AlreadyCalledError extends IllegalStateException {
    public AlreadyCalledError() {
        super("the Deferred has already been called");
    }

    public AlreadyCalledError(String message) {
        super(message);
    }
}
