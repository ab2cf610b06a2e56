package io.jtwisted.internet.defer;

/**
 * The failure of a {@link Deferred} that {@link Deferred#addTimeout timed out}: it replaces the
 * {@link CancelledError} caused by the timeout (and only that one).
 */
public class TimeoutError extends RuntimeException {
    private final double timeout;

    public TimeoutError(double timeout) {
        super("Deferred timed out after " + formatSeconds(timeout) + " seconds");
        this.timeout = timeout;
    }

    /** Formats seconds the way Python prints them: {@code 2} for whole numbers, {@code 2.5} otherwise. */
    private static String formatSeconds(double seconds) {
        if (seconds == Math.rint(seconds) && !Double.isInfinite(seconds) && Math.abs(seconds) < 1e15) {
            return Long.toString((long) seconds);
        }
        return Double.toString(seconds);
    }

    /** The timeout, in seconds, that expired. */
    public double timeout() {
        return timeout;
    }
}
