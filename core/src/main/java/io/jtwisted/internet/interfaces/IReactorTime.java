package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.List;

/** Time-based scheduling: implemented by every reactor and by the deterministic {@code Clock}. */
public interface IReactorTime extends IReactor {
    /** The current time in seconds; what {@link IDelayedCall#getTime()} is measured against. */
    double seconds();

    /**
     * Runs {@code callable} on the reactor thread {@code delay} seconds from now. Calls due at the
     * same time run in the order they were scheduled. An exception thrown by the callable is
     * logged with its traceback and does not stop the reactor.
     *
     * @throws IllegalArgumentException if {@code delay} is negative or not a number
     */
    IDelayedCall callLater(double delay, ThrowingRunnable callable);

    /** The calls scheduled and still active, in no particular order. */
    List<IDelayedCall> getDelayedCalls();
}
