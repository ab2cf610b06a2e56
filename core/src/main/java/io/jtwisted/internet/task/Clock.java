package io.jtwisted.internet.task;

import io.jtwisted.internet.base.DelayedCall;
import io.jtwisted.internet.base.DelayedCalls;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.List;

/**
 * A deterministic {@link IReactorTime} for tests: time stands still until {@link #advance}
 * moves it, and then the calls that became due run, in time order (scheduling order for equal
 * times), on the caller's thread. As Twisted's {@code twisted.internet.task.Clock}.
 *
 * <p>Unlike a reactor, a Clock lets an exception thrown by a call propagate out of
 * {@code advance}: a test wants to see it.
 */
@SuppressWarnings(
        "this-escape") // the timer heap reads this clock's time through a method reference, only once calls are
// scheduled
public class Clock implements IReactorTime {
    private double now;
    private final DelayedCalls calls = new DelayedCalls(this::seconds);

    @Override
    public double seconds() {
        return now;
    }

    @Override
    public IDelayedCall callLater(double delay, ThrowingRunnable callable) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be a non-negative number of seconds, got " + delay);
        }
        return calls.schedule(now + delay, callable);
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return calls.list();
    }

    /**
     * Moves time forward by {@code amount} seconds and runs every call due by then, including
     * calls that those calls schedule for no later than the new time.
     */
    public void advance(double amount) {
        if (!(amount >= 0)) {
            throw new IllegalArgumentException("cannot move time backwards: " + amount);
        }
        now += amount;
        DelayedCall call;
        while ((call = calls.peek()) != null && call.getTime() <= now) {
            calls.takeFirst();
            try {
                call.callable().run();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception checked) {
                throw new IllegalStateException("delayed call raised " + checked, checked);
            }
        }
    }

    /** Advances by each of {@code timings} in turn, as Twisted's {@code Clock.pump}. */
    public void pump(double... timings) {
        for (double amount : timings) {
            advance(amount);
        }
    }
}
