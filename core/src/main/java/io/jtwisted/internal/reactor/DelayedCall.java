package io.jtwisted.internal.reactor;

import io.jtwisted.internet.defer.ThrowingRunnable;
import io.jtwisted.internet.error.AlreadyCalled;
import io.jtwisted.internet.error.AlreadyCancelled;
import io.jtwisted.internet.interfaces.IDelayedCall;

/** A call scheduled on a {@link NioReactor}; lives in the reactor's {@link TimerHeap}. */
final class DelayedCall implements IDelayedCall {
    private final NioReactor reactor;
    final ThrowingRunnable callable;
    double time;
    long sequence;
    int heapIndex = -1;
    boolean called;
    boolean cancelled;

    DelayedCall(NioReactor reactor, double time, long sequence, ThrowingRunnable callable) {
        this.reactor = reactor;
        this.time = time;
        this.sequence = sequence;
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
        reactor.unschedule(this);
    }

    @Override
    public void delay(double secondsLater) {
        checkActive();
        reactor.reschedule(this, time + secondsLater);
    }

    @Override
    public void reset(double secondsFromNow) {
        checkActive();
        reactor.reschedule(this, reactor.seconds() + secondsFromNow);
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
        String state = called ? "called" : cancelled ? "cancelled" : String.format("%.3fs from now", time - reactor.seconds());
        return "<DelayedCall " + callable + " " + state + ">";
    }
}
