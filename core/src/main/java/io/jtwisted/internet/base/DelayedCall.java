package io.jtwisted.internet.base;

import io.jtwisted.internet.error.AlreadyCalled;
import io.jtwisted.internet.error.AlreadyCancelled;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.python.failure.ThrowingRunnable;

/**
 * A call scheduled by a reactor's or a {@code Clock}'s {@code callLater}, as Twisted's
 * {@code twisted.internet.base.DelayedCall}: it runs once at {@link #getTime()} unless cancelled,
 * and may be postponed or reset while pending. Made only by {@link DelayedCalls}.
 */
public final class DelayedCall implements IDelayedCall {
    private final DelayedCalls owner;
    private final ThrowingRunnable callable;
    double time;
    long sequence;
    int heapIndex = -1;
    boolean called;
    boolean cancelled;

    DelayedCall(DelayedCalls owner, double time, ThrowingRunnable callable) {
        this.owner = owner;
        this.time = time;
        this.sequence = -1;
        this.callable = callable;
    }

    /** What this call runs. */
    public ThrowingRunnable callable() {
        return callable;
    }

    /** The order among calls due at the same time: lower runs first ({@code -1} before it is scheduled). */
    public long sequence() {
        return sequence;
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
        owner.checkThread();
        if (cancelled) {
            throw new AlreadyCancelled();
        }
        if (called) {
            throw new AlreadyCalled();
        }
    }

    @Override
    public String toString() {
        String state =
                called ? "called" : cancelled ? "cancelled" : String.format("%.3fs from now", time - owner.seconds());
        return "<DelayedCall " + CallableNames.describe(callable) + " " + state + ">";
    }
}
