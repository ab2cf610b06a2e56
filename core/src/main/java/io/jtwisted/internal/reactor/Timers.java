package io.jtwisted.internal.reactor;

import io.jtwisted.python.failure.ThrowingRunnable;
import io.jtwisted.internet.interfaces.IDelayedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The delayed calls of one scheduler (a reactor or a {@code Clock}): a {@link TimerHeap} ordered
 * by (time, scheduling order) and the sequence numbers that give that order. Not thread-safe: the
 * scheduler's thread owns it.
 */
public final class Timers {
    private final DoubleSupplier clock;
    private final TimerHeap heap = new TimerHeap();
    private long nextSequence;

    /** @param clock the scheduler's current time, in seconds, for {@code reset} and diagnostics */
    public Timers(DoubleSupplier clock) {
        this.clock = clock;
    }

    /** Schedules {@code callable} at {@code time}, after every call already scheduled for that time. */
    public DelayedCall schedule(double time, ThrowingRunnable callable) {
        DelayedCall call = new DelayedCall(this, time, callable);
        add(call);
        return call;
    }

    /** A call for {@code time} that is not scheduled yet: {@link #add} schedules it later (or never, if cancelled first). */
    DelayedCall unscheduled(double time, ThrowingRunnable callable) {
        return new DelayedCall(this, time, callable);
    }

    void add(DelayedCall call) {
        call.sequence = nextSequence++;
        heap.add(call);
    }

    /** The earliest call, or {@code null}. */
    public DelayedCall peek() {
        return heap.peek();
    }

    /** Removes the earliest call and marks it called; the caller runs it. */
    public DelayedCall takeFirst() {
        DelayedCall call = heap.poll();
        if (call != null) {
            call.called = true;
        }
        return call;
    }

    /** The sequence number the next scheduled call will get: calls below it were scheduled before now. */
    long nextSequence() {
        return nextSequence;
    }

    public boolean isEmpty() {
        return heap.isEmpty();
    }

    public int size() {
        return heap.size();
    }

    /** The scheduled calls, in no particular order. */
    public List<IDelayedCall> list() {
        return new ArrayList<>(heap.toList());
    }

    double seconds() {
        return clock.getAsDouble();
    }

    void unschedule(DelayedCall call) {
        heap.remove(call);
    }

    void reschedule(DelayedCall call, double newTime) {
        boolean scheduled = call.heapIndex >= 0;
        if (scheduled) {
            heap.remove(call);
        }
        call.time = newTime;
        if (scheduled) {
            add(call);
        }
    }
}
