package io.jtwisted.internet.task;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A cooperative task scheduler, as Twisted's {@code twisted.internet.task.Cooperator}: runs
 * long iterative jobs in small steps so the reactor never blocks.
 *
 * <p>A task is an {@link Iterator}; each {@code next()} is one unit of work. At each tick the
 * cooperator calls {@code next()} on its tasks in turn, round-robin, until the time slice ends
 * (10 ms by default), then schedules the next tick. A task whose {@code next()} returns a
 * {@link Deferred} waits for it. Uses: computing without blocking the reactor, limiting
 * parallelism, doing asynchronous things one after another.
 *
 * <p>Several Cooperators do not cooperate with each other; most code should use the global one
 * through {@link Task#cooperate} and {@link Task#coiterate}. A Cooperator is used from the
 * thread of its scheduler (the reactor thread).
 */
public class Cooperator {
    /** The delay Twisted's default scheduler uses: the next tick runs on a later reactor turn. */
    static final double EPSILON = 0.00000001;

    private static final long DEFAULT_SLICE_NANOS = 10_000_000L;

    /** Schedules one tick of the cooperator to run later; returns the call so it can be cancelled. */
    @FunctionalInterface
    public interface Scheduler {
        IDelayedCall schedule(Runnable tick);
    }

    private final List<CooperativeTask<?>> tasks = new ArrayList<>();
    /** The position of the round-robin among {@link #tasks}. */
    private int cursor;

    private final Supplier<? extends BooleanSupplier> terminationPredicateFactory;
    private final Scheduler scheduler;
    private @Nullable IDelayedCall delayedCall;
    private boolean stopped;
    private boolean started;
    private boolean mustScheduleOnStart;

    /** A started Cooperator ticking on the global reactor, with 10 ms time slices. */
    public Cooperator() {
        this(tick -> DefaultClock.reactor().callLater(EPSILON, tick::run), Cooperator::timeSlice, true);
    }

    /** A started Cooperator ticking on {@code clock} (a reactor, or a {@link Clock} in tests), with 10 ms time slices. */
    public Cooperator(IReactorTime clock) {
        this(onClock(clock), Cooperator::timeSlice, true);
    }

    /**
     * A Cooperator with its own scheduling.
     *
     * @param scheduler schedules each tick
     * @param terminationPredicateFactory called at the start of each tick; the predicate it returns
     *     is asked after each unit of work whether the tick should end
     * @param started whether tasks run as soon as they are added, or wait for {@link #start()}
     */
    public Cooperator(
            Scheduler scheduler, Supplier<? extends BooleanSupplier> terminationPredicateFactory, boolean started) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.terminationPredicateFactory =
                Objects.requireNonNull(terminationPredicateFactory, "terminationPredicateFactory");
        this.started = started;
    }

    /** A scheduler that runs each tick on {@code clock}, just after the current turn. */
    public static Scheduler onClock(IReactorTime clock) {
        Objects.requireNonNull(clock, "clock");
        return tick -> clock.callLater(EPSILON, tick::run);
    }

    private static BooleanSupplier timeSlice() {
        long end = System.nanoTime() + DEFAULT_SLICE_NANOS;
        return () -> System.nanoTime() - end >= 0;
    }

    /**
     * Starts running {@code iterator} as a task of this cooperator.
     *
     * @return the task, to pause, resume, stop or wait on
     */
    public <T> CooperativeTask<T> cooperate(Iterator<T> iterator) {
        return new CooperativeTask<>(Objects.requireNonNull(iterator, "iterator"), this);
    }

    /** As {@link #cooperate}, returning only {@link CooperativeTask#whenDone()}. */
    public <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator) {
        return coiterate(iterator, new Deferred<>());
    }

    /** As {@link #coiterate(Iterator)}, firing {@code doneDeferred} when the task ends. */
    public <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator, Deferred<Iterator<T>> doneDeferred) {
        cooperate(iterator).whenDone().chainDeferred(doneDeferred);
        return doneDeferred;
    }

    /** Begins scheduling ticks (for a Cooperator created not started, or stopped). */
    public void start() {
        stopped = false;
        started = true;
        if (mustScheduleOnStart) {
            mustScheduleOnStart = false;
            reschedule();
        }
    }

    /**
     * Stops scheduling ticks: the running tasks fail with {@link SchedulerStopped} and are
     * forgotten, and so are tasks added later (until {@link #start()}).
     */
    public void stop() {
        stopped = true;
        List<CooperativeTask<?>> running = new ArrayList<>(tasks);
        tasks.clear();
        cursor = 0;
        for (CooperativeTask<?> task : running) {
            task.completeWith(new SchedulerStopped(), new Failure(new SchedulerStopped()));
        }
        if (delayedCall != null) {
            delayedCall.cancel();
            delayedCall = null;
        }
    }

    /** True once started and until stopped. */
    public boolean running() {
        return started && !stopped;
    }

    void addTask(CooperativeTask<?> task) {
        tasks.add(task);
        if (stopped) {
            task.completeWith(new SchedulerStopped(), new Failure(new SchedulerStopped()));
        } else {
            reschedule();
        }
    }

    void removeTask(CooperativeTask<?> task) {
        int index = tasks.indexOf(task);
        if (index >= 0) {
            tasks.remove(index);
            if (index < cursor) {
                cursor--;
            }
        }
        if (tasks.isEmpty() && delayedCall != null) {
            delayedCall.cancel();
            delayedCall = null;
        }
    }

    /** The call scheduled for the next tick, or null (for tests of this package). */
    @Nullable
    IDelayedCall delayedCall() {
        return delayedCall;
    }

    /** Runs one tick: units of work round-robin until the termination predicate says stop. */
    void tick() {
        delayedCall = null;
        BooleanSupplier terminator = terminationPredicateFactory.get();
        work:
        while (!tasks.isEmpty()) {
            while (cursor < tasks.size()) {
                CooperativeTask<?> task = tasks.get(cursor++);
                task.oneWorkUnit();
                if (terminator.getAsBoolean()) {
                    break work;
                }
            }
            cursor = 0;
        }
        reschedule();
    }

    private void reschedule() {
        if (!started) {
            mustScheduleOnStart = true;
            return;
        }
        if (delayedCall == null && !tasks.isEmpty()) {
            delayedCall = scheduler.schedule(this::tick);
        }
    }
}
