package io.jtwisted.internet.task;

import io.jtwisted.internet.defer.ThrowingRunnable;
import io.jtwisted.internet.error.AlreadyCalled;
import io.jtwisted.internet.error.AlreadyCancelled;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A deterministic {@link IReactorTime} for tests: time stands still until {@link #advance}
 * moves it, and then the calls that became due run, in time order (scheduling order for equal
 * times), on the caller's thread. As Twisted's {@code twisted.internet.task.Clock}.
 *
 * <p>Unlike a reactor, a Clock lets an exception thrown by a call propagate out of
 * {@code advance}: a test wants to see it.
 */
public class Clock implements IReactorTime {
    private double now;
    private long sequence;
    private final List<Call> calls = new ArrayList<>(); // kept sorted by (time, sequence)

    @Override
    public double seconds() {
        return now;
    }

    @Override
    public IDelayedCall callLater(double delay, ThrowingRunnable callable) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("delay must be a non-negative number of seconds, got " + delay);
        }
        Call call = new Call(now + delay, callable);
        insert(call);
        return call;
    }

    @Override
    public List<IDelayedCall> getDelayedCalls() {
        return new ArrayList<>(calls);
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
        while (!calls.isEmpty() && calls.get(0).time <= now) {
            Call call = calls.remove(0);
            call.called = true;
            try {
                call.callable.run();
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

    private void insert(Call call) {
        call.sequence = sequence++;
        int low = 0;
        int high = calls.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            Call other = calls.get(mid);
            if (other.time < call.time || (other.time == call.time && other.sequence < call.sequence)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        calls.add(low, call);
    }

    private final class Call implements IDelayedCall {
        private double time;
        private long sequence;
        private final ThrowingRunnable callable;
        private boolean called;
        private boolean cancelled;

        Call(double time, ThrowingRunnable callable) {
            this.time = time;
            this.callable = callable;
        }

        @Override
        public double getTime() {
            return time;
        }

        @Override
        public void cancel() {
            checkActive();
            cancelled = true;
            calls.remove(this);
        }

        @Override
        public void delay(double secondsLater) {
            checkActive();
            calls.remove(this);
            time += secondsLater;
            insert(this);
        }

        @Override
        public void reset(double secondsFromNow) {
            checkActive();
            calls.remove(this);
            time = now + secondsFromNow;
            insert(this);
        }

        @Override
        public boolean active() {
            return !called && !cancelled;
        }

        private void checkActive() {
            if (cancelled) {
                throw new AlreadyCancelled();
            }
            if (called) {
                throw new AlreadyCalled();
            }
        }

        @Override
        public String toString() {
            return "<DelayedCall at " + time + (called ? " called" : cancelled ? " cancelled" : "") + ">";
        }
    }

}
