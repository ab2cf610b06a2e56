package io.jtwisted.internet.defer;

/** The failure a {@link Deferred} fires with when it is cancelled and its canceller did not fire it. */
public class CancelledError extends RuntimeException {
    public CancelledError() {
        super("the Deferred was cancelled");
    }

    public CancelledError(String message) {
        super(message);
    }
}
