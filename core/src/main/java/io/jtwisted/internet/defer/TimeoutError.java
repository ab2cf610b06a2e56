package io.jtwisted.internet.defer;

/**
 * The failure of a {@link Deferred} that {@link Deferred#addTimeout timed out}: it replaces the
 * {@link CancelledError} caused by the timeout (and only that one).
 */
public class TimeoutError extends RuntimeException {
    private final double timeout;

    public TimeoutError(double timeout) {
        super("Deferred timed out after " + Failure.formatSeconds(timeout) + " seconds");
        this.timeout = timeout;
    }

    /** The timeout, in seconds, that expired. */
    public double timeout() {
        return timeout;
    }
}
