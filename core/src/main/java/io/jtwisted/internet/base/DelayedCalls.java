package io.jtwisted.internet.base;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The pending {@link DelayedCall}s of one scheduler (a reactor or a {@code Clock}), earliest first:
 * a heap ordered by (time, scheduling order), so scheduling and cancelling cost O(log n) and a
 * million pending calls are cheap. As the {@code _pendingTimedCalls} heap of Twisted's
 * {@code ReactorBase}.
 *
 * <p>Not thread-safe: the scheduler's thread owns it. A scheduler that has a thread (a reactor)
 * passes a check that every method of its calls runs first; it throws when the caller is on the
 * wrong thread.
 */
public final class DelayedCalls {
    private final DoubleSupplier clock;
    private final Runnable threadCheck;
    private final TimerHeap heap = new TimerHeap();
    private long nextSequence;

    /** Calls for a scheduler without a thread of its own (a {@code Clock}). */
    public DelayedCalls(DoubleSupplier clock) {
        this(clock, () -> {});
    }

    /**
     * @param clock the scheduler's current time, in seconds, for {@code reset} and diagnostics
     * @param threadCheck run first by {@code cancel}, {@code delay} and {@code reset}; throws when
     *     the calling thread may not touch the calls
     */
    public DelayedCalls(DoubleSupplier clock, Runnable threadCheck) {
        this.clock = clock;
        this.threadCheck = threadCheck;
    }

    /** Schedules {@code callable} at {@code time}, after every call already scheduled for that time. */
    public DelayedCall schedule(double time, ThrowingRunnable callable) {
        DelayedCall call = new DelayedCall(this, time, callable);
        add(call);
        return call;
    }

    /**
     * A call for {@code time} that is not scheduled yet: {@link #add} schedules it later (or never,
     * if it was cancelled first). For a call made on one thread and scheduled on another.
     */
    public DelayedCall unscheduled(double time, ThrowingRunnable callable) {
        return new DelayedCall(this, time, callable);
    }

    /** Schedules a call made by {@link #unscheduled}. */
    public void add(DelayedCall call) {
        call.sequence = nextSequence++;
        heap.add(call);
    }

    /** The earliest call, or {@code null}. */
    public @Nullable DelayedCall peek() {
        return heap.peek();
    }

    /** Removes the earliest call and marks it called; the caller runs it. */
    public @Nullable DelayedCall takeFirst() {
        DelayedCall call = heap.poll();
        if (call != null) {
            call.called = true;
        }
        return call;
    }

    /**
     * The sequence number the next scheduled call will get: every call with a lower
     * {@link DelayedCall#sequence()} was scheduled (or rescheduled) before now.
     */
    public long nextSequence() {
        return nextSequence;
    }

    /** True when no call is pending. */
    public boolean isEmpty() {
        return heap.isEmpty();
    }

    /** How many calls are pending. */
    public int size() {
        return heap.size();
    }

    /** The pending calls, in no particular order. */
    public List<IDelayedCall> list() {
        return new ArrayList<>(heap.toList());
    }

    double seconds() {
        return clock.getAsDouble();
    }

    void checkThread() {
        threadCheck.run();
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
