package io.jtwisted.internet.task;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.ThrowingSupplier;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import java.util.Iterator;
import java.util.Objects;

/**
 * The functions of Twisted's {@code twisted.internet.task} module: {@link #deferLater},
 * {@link #react}, and the global {@link Cooperator} behind {@link #cooperate} and
 * {@link #coiterate}.
 */
public final class Task {
    private Task() {
    }

    /**
     * Calls {@code callable} {@code delay} seconds from now on {@code clock}, and returns a
     * Deferred of its outcome: fired with what it returns (a returned Deferred is waited for),
     * failed with what it throws.
     *
     * <p>Cancelling the Deferred before the delay has elapsed cancels the delayed call: the
     * callable never runs and the Deferred fails with
     * {@link io.jtwisted.internet.defer.CancelledError}.
     */
    public static <T> Deferred<T> deferLater(IReactorTime clock, double delay, ThrowingSupplier<? extends T> callable) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(callable, "callable");
        IDelayedCall[] delayedCall = new IDelayedCall[1];
        Deferred<Void> timer = new Deferred<>(cancelled -> delayedCall[0].cancel());
        Deferred<T> result = timer.addCallback(ignored -> callable.get());
        delayedCall[0] = clock.callLater(delay, () -> timer.callback(null));
        return result;
    }

    /**
     * As {@link #deferLater(IReactorTime, double, ThrowingSupplier)} for a callable that returns
     * a Deferred: the result waits for that Deferred and fires with its result (typed, as
     * {@link Deferred#addCallbackDeferring}).
     */
    public static <T> Deferred<T> deferLaterDeferring(IReactorTime clock, double delay,
                                                      ThrowingSupplier<? extends Deferred<? extends T>> callable) {
        Objects.requireNonNull(callable, "callable");
        return deferLater(clock, delay, () -> null).addCallbackDeferring(ignored -> callable.get());
    }

    /**
     * A Deferred fired with {@code null} {@code delay} seconds from now on {@code clock};
     * cancelling it cancels the delayed call, as {@link #deferLater(IReactorTime, double, ThrowingSupplier)}.
     */
    public static Deferred<Void> deferLater(IReactorTime clock, double delay) {
        return deferLater(clock, delay, () -> null);
    }

    /**
     * Runs {@code iterator} as a task of the global {@link Cooperator} (ticking on the global
     * reactor), sharing time with every other task given to it: each {@code next()} is one unit
     * of work, and a {@link Deferred} returned by {@code next()} is waited for.
     */
    public static <T> CooperativeTask<T> cooperate(Iterator<T> iterator) {
        return GlobalCooperator.INSTANCE.cooperate(iterator);
    }

    /** As {@link #cooperate}, returning only a Deferred that fires with the iterator when it is exhausted. */
    public static <T> Deferred<Iterator<T>> coiterate(Iterator<T> iterator) {
        return GlobalCooperator.INSTANCE.coiterate(iterator);
    }

    /** The global Cooperator, created on first use. */
    static final class GlobalCooperator {
        static final Cooperator INSTANCE = new Cooperator();

        private GlobalCooperator() {
        }
    }
}
