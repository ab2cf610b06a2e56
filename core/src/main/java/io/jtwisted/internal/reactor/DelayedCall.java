package io.jtwisted.internal.reactor;

import io.jtwisted.python.failure.ThrowingRunnable;
import io.jtwisted.internet.error.AlreadyCalled;
import io.jtwisted.internet.error.AlreadyCancelled;
import io.jtwisted.internet.interfaces.IDelayedCall;

/** A call scheduled with {@link Timers} (by a reactor or a {@code Clock}); lives in their {@link TimerHeap}. */
public final class DelayedCall implements IDelayedCall {
    private final Timers owner;
    final ThrowingRunnable callable;
    double time;
    long sequence;
    int heapIndex = -1;
    boolean called;
    boolean cancelled;

    DelayedCall(Timers owner, double time, ThrowingRunnable callable) {
        this.owner = owner;
        this.time = time;
        this.sequence = -1;
        this.callable = callable;
    }

    /** What this call runs. */
    public ThrowingRunnable callable() {
        return callable;
    }

    @Override
    public double getTime() {
        return time;
    }

    @Override
    public void cancel() {
        checkActive();
        cancelled = true;
        owner.unschedule(this);
    }

    @Override
    public void delay(double secondsLater) {
        checkActive();
        owner.reschedule(this, time + secondsLater);
    }

    @Override
    public void reset(double secondsFromNow) {
        checkActive();
        owner.reschedule(this, owner.seconds() + secondsFromNow);
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
        String state = called ? "called" : cancelled ? "cancelled" : String.format("%.3fs from now", time - owner.seconds());
        return "<DelayedCall " + callable + " " + state + ">";
    }
}
