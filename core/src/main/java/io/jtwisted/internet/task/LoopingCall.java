package io.jtwisted.internet.task;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingFunction;
import io.jtwisted.python.failure.ThrowingRunnable;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Calls a function repeatedly, every {@link #interval()} seconds, as Twisted's
 * {@code twisted.internet.task.LoopingCall}.
 *
 * <p>Scheduling does not drift: calls are due at {@code start + n * interval}. When a call comes
 * late (the reactor was busy, the function took longer than an interval, or a Deferred it
 * returned fired late), the intervals missed are skipped and the next call is due at the next
 * multiple of the interval still in the future; {@link #withCount} tells the function how many
 * intervals went by.
 *
 * <p>If the function returns a {@link Deferred} (see {@link #LoopingCall(ThrowingSupplier)}), the
 * next call is not scheduled before that Deferred fires. If the function throws, or its Deferred
 * fails, the loop stops and the Deferred returned by {@link #start} fails with that failure.
 *
 * <p>The calls are scheduled on {@link #clock()}: the global reactor unless {@link #setClock}
 * chose another {@link IReactorTime} (a {@link Clock} in tests). Use a LoopingCall from the
 * thread of its clock (the reactor thread).
 */
public class LoopingCall {
    private final ThrowingSupplier<? extends @Nullable Deferred<?>> function;
    private final String description;
    private @Nullable IReactorTime clock;
    private @Nullable IDelayedCall call;
    private boolean running;
    private @Nullable Deferred<LoopingCall> deferred; // while running
    private double interval = Double.NaN;
    private boolean runAtStart;
    private double startTime = Double.NaN;
    /** For {@link #withCount}: when the count callable last ran; NaN before its first call. */
    private double realLastTime = Double.NaN;

    /** A loop calling {@code function}; the next call is scheduled as soon as it returns. */
    public LoopingCall(ThrowingRunnable function) {
        this(asSupplier(Objects.requireNonNull(function, "function")), function.toString());
    }

    /**
     * A loop calling {@code function}, which returns a Deferred (or {@code null}): the next call
     * is scheduled only once that Deferred has fired, and its failure stops the loop. The value
     * it fires with is ignored.
     */
    public LoopingCall(ThrowingSupplier<? extends @Nullable Deferred<?>> function) {
        this(Objects.requireNonNull(function, "function"), function.toString());
    }

    private LoopingCall(ThrowingSupplier<? extends @Nullable Deferred<?>> function, String description) {
        this.function = function;
        this.description = description;
    }

    private static ThrowingSupplier<@Nullable Deferred<?>> asSupplier(ThrowingRunnable function) {
        return () -> {
            function.run();
            return null;
        };
    }

    /**
     * A loop whose function receives the number of intervals that elapsed since it last ran:
     * normally 1, more when calls were skipped (a blocked reactor, a slow function, a Deferred
     * that fired late). The function is only called when that number is at least 1. With an
     * interval of 0 the count is always 1.
     */
    public static LoopingCall withCount(CountCallable countCallable) {
        Objects.requireNonNull(countCallable, "countCallable");
        return withCountDeferring(count -> {
            countCallable.call(count);
            return null;
        });
    }

    /**
     * As {@link #withCount(CountCallable)} for a function that returns a Deferred (or
     * {@code null}); the loop waits for it as {@link #LoopingCall(ThrowingSupplier)} does.
     */
    public static LoopingCall withCountDeferring(
            ThrowingFunction<Integer, ? extends @Nullable Deferred<?>> countCallable) {
        Objects.requireNonNull(countCallable, "countCallable");
        LoopingCall[] self = new LoopingCall[1];
        self[0] = new LoopingCall(() -> self[0].counted(countCallable), countCallable.toString());
        return self[0];
    }

    /** The function of {@link #withCount}: receives the number of elapsed intervals. */
    @FunctionalInterface
    public interface CountCallable {
        /** Called with the number of intervals (at least 1) since the previous call. */
        void call(int count) throws Exception;
    }

    private @Nullable Deferred<?> counted(ThrowingFunction<Integer, ? extends @Nullable Deferred<?>> countCallable)
            throws Exception {
        double now = clock().seconds();
        if (interval == 0) {
            realLastTime = now;
            return countCallable.apply(1);
        }
        double lastTime = realLastTime;
        if (Double.isNaN(lastTime)) {
            lastTime = startTime;
            if (runAtStart) {
                lastTime -= interval;
            }
        }
        long count = intervalOf(now) - intervalOf(lastTime);
        if (count > 0) {
            realLastTime = now;
            return countCallable.apply((int) Math.min(count, Integer.MAX_VALUE));
        }
        return null;
    }

    private long intervalOf(double time) {
        return (long) ((time - startTime) / interval);
    }

    // ---------------------------------------------------------------- configuration

    /** The scheduler of the calls: the one {@link #setClock} set, else the global reactor. */
    public IReactorTime clock() {
        if (clock == null) {
            clock = DefaultClock.reactor();
        }
        return clock;
    }

    /** Schedules the calls on {@code clock} instead of the global reactor; set it before {@link #start}. */
    public void setClock(IReactorTime clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The number of seconds between calls; NaN before the first {@link #start}. */
    public double interval() {
        return interval;
    }

    /**
     * Changes the interval; while running, it applies from the next scheduling (the call already
     * scheduled keeps its time), counted from the original start time.
     *
     * @throws IllegalArgumentException if {@code interval} is negative or not a number
     */
    public void setInterval(double interval) {
        checkInterval(interval);
        this.interval = interval;
    }

    /**
     * True from {@link #start} until {@link #stop} or a failure of the function; false by the
     * time the Deferred returned by {@code start} fires.
     */
    public boolean running() {
        return running;
    }

    // ---------------------------------------------------------------- running

    /** As {@link #start(double, boolean) start(interval, true)}: the first call runs now. */
    public Deferred<LoopingCall> start(double interval) {
        return start(interval, true);
    }

    /**
     * Starts calling the function every {@code interval} seconds (0: as often as the reactor
     * allows), the first time now when {@code now} is true, else after one interval.
     *
     * @return a Deferred fired with this LoopingCall once {@link #stop} has stopped it, or failed
     *     with the failure of the function (thrown, or of the Deferred it returned)
     * @throws IllegalStateException if it is already running
     * @throws IllegalArgumentException if {@code interval} is negative or not a number
     */
    public Deferred<LoopingCall> start(double interval, boolean now) {
        if (running) {
            throw new IllegalStateException("tried to start an already running LoopingCall");
        }
        checkInterval(interval);
        running = true;
        Deferred<LoopingCall> result = new Deferred<>();
        deferred = result;
        startTime = clock().seconds();
        this.interval = interval;
        runAtStart = now;
        realLastTime = Double.NaN;
        if (now) {
            runOnce();
        } else {
            scheduleFrom(startTime);
        }
        return result;
    }

    /**
     * Stops the loop: no further call is made, and the Deferred returned by {@link #start} fires
     * with this LoopingCall (at once, or when the call in progress, or the Deferred it returned,
     * has finished).
     *
     * @throws IllegalStateException if it is not running
     */
    public void stop() {
        if (!running) {
            throw new IllegalStateException("tried to stop a LoopingCall that was not running");
        }
        running = false;
        if (call != null) {
            call.cancel();
            call = null;
            fireStopped();
        }
    }

    /**
     * Skips the next call and restarts the timing from now: the next call is one interval from
     * now. Does nothing while the function (or its Deferred) is in progress.
     *
     * @throws IllegalStateException if it is not running
     */
    public void reset() {
        if (!running) {
            throw new IllegalStateException("tried to reset a LoopingCall that was not running");
        }
        if (call != null) {
            call.cancel();
            call = null;
            startTime = clock().seconds();
            scheduleFrom(startTime);
        }
    }

    private void runOnce() {
        call = null;
        Deferred<?> outcome;
        try {
            outcome = function.get();
        } catch (Throwable t) {
            outcome = Deferred.fail(t);
        }
        if (outcome == null) {
            outcome = Deferred.<@Nullable Object>succeed(null);
        }
        // addBoth: it takes any result, so it may go through whatever reference the function returned.
        outcome.<@Nullable Object>addBoth(result -> {
            if (result instanceof Failure failure) {
                running = false;
                Deferred<LoopingCall> toFail = Objects.requireNonNull(deferred, "a LoopingCall runs only once started");
                deferred = null;
                toFail.errback(failure);
            } else if (running) {
                scheduleFrom(clock().seconds());
            } else {
                fireStopped();
            }
            return null;
        });
    }

    private void fireStopped() {
        Deferred<LoopingCall> toFire = Objects.requireNonNull(deferred, "a LoopingCall stops only once started");
        deferred = null;
        toFire.callback(this);
    }

    /** Schedules the next call at the next multiple of the interval (from the start) after {@code when}. */
    private void scheduleFrom(double when) {
        call = clock().callLater(delayFrom(when), this::runOnce);
    }

    private double delayFrom(double when) {
        if (interval == 0) {
            return 0;
        }
        double runningFor = when - startTime;
        double intoInterval = runningFor % interval;
        if (intoInterval < 0) {
            intoInterval += interval;
        }
        double untilNextInterval = interval - intoInterval;
        // When the remainder is so small that adding it to a large time changes nothing, the
        // next interval has in fact begun: wait a whole interval rather than zero seconds.
        if (when == when + untilNextInterval) {
            return interval;
        }
        return untilNextInterval;
    }

    private static void checkInterval(double interval) {
        if (!(interval >= 0)) {
            throw new IllegalArgumentException("interval must be >= 0, got " + interval);
        }
    }

    /** Shows the interval and the function, as Twisted's repr. */
    @Override
    public String toString() {
        return "LoopingCall<" + (Double.isNaN(interval) ? "None" : interval) + ">(" + description + ")";
    }
}
