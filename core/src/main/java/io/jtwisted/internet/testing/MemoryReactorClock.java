package io.jtwisted.internet.testing;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.List;

/**
 * A {@link MemoryReactor} that is also a deterministic clock, as Twisted's
 * {@code MemoryReactorClock}: calls scheduled with {@link #callLater} run when the test
 * {@link #advance advances} time, never on their own.
 */
public class MemoryReactorClock extends MemoryReactor implements IReactorTime {
    private final Clock clock = new Clock();

    @Override
    public double seconds() {
        return clock.seconds();
    }

    @Override
    public IDelayedCall callLater(double delay, ThrowingRunnable callable) {
        return clock.callLater(delay, callable);
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return clock.getDelayedCalls();
    }

    /** Moves time forward by {@code amount} seconds and runs the calls due; see {@link Clock#advance}. */
    public void advance(double amount) {
        clock.advance(amount);
    }

    /** Advances by each of {@code timings} in turn; see {@link Clock#pump}. */
    public void pump(double... timings) {
        clock.pump(timings);
    }

    /** The clock behind this reactor's time. */
    public Clock clock() {
        return clock;
    }
}
