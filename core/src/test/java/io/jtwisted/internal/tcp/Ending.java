package io.jtwisted.internal.tcp;

import io.jtwisted.python.failure.Failure;

/**
 * The end of a connection (or of a connection attempt) as a test helper records it: the reason
 * given to {@code connectionLost} or {@code clientConnectionFailed}, kept once. A helper records
 * every connection's end, and many tests never look at it; a failing {@code Deferred} would report
 * each of those as an unhandled error, where nothing went wrong. {@link Loop#reason(
 * io.jtwisted.internal.reactor.NioReactor, Ending)} waits for it.
 */
public final class Ending {
    private Failure reason;

    /** Records {@code why} if nothing was recorded yet (the first end is the one that counts). */
    public void record(Failure why) {
        if (reason == null) {
            reason = why;
        }
    }

    /** True once an end was recorded. */
    public boolean called() {
        return reason != null;
    }

    /** The recorded reason, null before the end. */
    public Failure reason() {
        return reason;
    }
}
