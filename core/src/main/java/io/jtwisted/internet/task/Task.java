package io.jtwisted.internet.task;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ReactorNotRunning;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingFunction;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.Iterator;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The functions of Twisted's {@code twisted.internet.task} module: {@link #deferLater},
 * {@link #react}, and the global {@link Cooperator} behind {@link #cooperate} and
 * {@link #coiterate}.
 */
public final class Task {
    private static final Logger LOG = Logger.forClass(Task.class);

    private Task() {}

    /**
     * Calls {@code callable} {@code delay} seconds from now on {@code clock}, and returns a
     * Deferred of its outcome: fired with what it returns (a returned Deferred is waited for),
     * failed with what it throws.
     *
     * <p>Cancelling the Deferred before the delay has elapsed cancels the delayed call: the
     * callable never runs and the Deferred fails with
     * {@link io.jtwisted.internet.defer.CancelledError}.
     */
    public static <T extends @Nullable Object> Deferred<T> deferLater(
            IReactorTime clock, double delay, ThrowingSupplier<? extends T> callable) {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(callable, "callable");
        IDelayedCall[] delayedCall = new IDelayedCall[1];
        Deferred<@Nullable Void> timer = new Deferred<>(cancelled -> delayedCall[0].cancel());
        Deferred<T> result = timer.addCallback(ignored -> callable.get());
        delayedCall[0] = clock.callLater(delay, () -> timer.callback(null));
        return result;
    }

    /**
     * As {@link #deferLater(IReactorTime, double, ThrowingSupplier)} for a callable that returns
     * a Deferred: the result waits for that Deferred and fires with its result (typed, as
     * {@link Deferred#addCallbackDeferring}).
     */
    public static <T extends @Nullable Object> Deferred<T> deferLaterDeferring(
            IReactorTime clock, double delay, ThrowingSupplier<? extends Deferred<? extends T>> callable) {
        Objects.requireNonNull(callable, "callable");
        return Task.<@Nullable Void>deferLater(clock, delay, () -> null)
                .addCallbackDeferring(ignored -> callable.get());
    }

    /**
     * A Deferred fired with {@code null} {@code delay} seconds from now on {@code clock};
     * cancelling it cancels the delayed call, as {@link #deferLater(IReactorTime, double, ThrowingSupplier)}.
     */
    public static Deferred<@Nullable Void> deferLater(IReactorTime clock, double delay) {
        return Task.<@Nullable Void>deferLater(clock, delay, () -> null);
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

    /**
     * Calls {@code main} with the global reactor, runs the reactor until the Deferred it returns (or null, as one fired with null)
     * fires, stops the reactor, and exits the process: with code 0 when the Deferred succeeded,
     * 1 when it failed (the failure is logged), or the code of a {@link SystemExit} it failed
     * with. As Twisted's {@code task.react}: the way to write a client or a one-off job with a
     * well-defined end. The loop runs on a virtual thread unless {@value ReactorThreads#PROPERTY}
     * says {@code platform} (see {@link ReactorThreads}); {@code main} is called on the caller's
     * thread, before the loop starts. Never returns.
     */
    public static void react(ThrowingFunction<? super Reactor, ? extends @Nullable Deferred<?>> main) {
        react(Reactor.reactor, main);
    }

    /** As {@link #react(ThrowingFunction)} on {@code reactor}. Never returns. */
    public static <R extends IReactorCore> void react(
            R reactor, ThrowingFunction<? super R, ? extends @Nullable Deferred<?>> main) {
        int code = reactForExitCode(reactor, main);
        System.out.flush();
        System.err.flush();
        System.exit(code);
    }

    /** As {@link #react(ThrowingFunction)}, returning the exit code instead of exiting. */
    public static int reactForExitCode(ThrowingFunction<? super Reactor, ? extends @Nullable Deferred<?>> main) {
        return reactForExitCode(Reactor.reactor, main);
    }

    /**
     * As {@link #react(IReactorCore, ThrowingFunction)}, returning the exit code instead of
     * exiting: 0 when the Deferred returned by {@code main} succeeded (or the reactor was stopped
     * before it fired), 1 when it failed (the failure is logged), or the code of a
     * {@link SystemExit} it failed with. An exception thrown by {@code main} counts as a failure.
     * The reactor is stopped exactly once, whether the Deferred fires before the reactor runs,
     * while it runs, or while it is shutting down.
     */
    public static <R extends IReactorCore> int reactForExitCode(
            R reactor, ThrowingFunction<? super R, ? extends @Nullable Deferred<?>> main) {
        Objects.requireNonNull(reactor, "reactor");
        Objects.requireNonNull(main, "main");
        @Nullable Deferred<?> finished;
        try {
            finished = main.apply(reactor);
        } catch (Throwable t) {
            finished = Deferred.fail(t);
        }
        if (finished == null) {
            finished = Deferred.<@Nullable Object>succeed(null);
        }
        int[] code = {0};
        boolean[] stopping = {false};
        reactor.addSystemEventTrigger("before", "shutdown", () -> {
            stopping[0] = true;
            return null;
        });
        finished.<@Nullable Object>addBoth(result -> {
            if (stopping[0]) {
                code[0] = exitCodeOf(result);
            } else {
                reactor.callWhenRunning(() -> {
                    try {
                        reactor.stop();
                    } catch (ReactorNotRunning alreadyStopping) {
                        // stopped by someone else meanwhile: once is enough
                    }
                    code[0] = exitCodeOf(result);
                });
            }
            return null;
        });
        ReactorThreads.run(reactor);
        return code[0];
    }

    private static int exitCodeOf(@Nullable Object result) {
        if (!(result instanceof Failure failure)) {
            return 0;
        }
        if (failure.value() instanceof SystemExit exit) {
            return exit.code();
        }
        LOG.failure("main function encountered error", failure);
        return 1;
    }

    /** The global Cooperator, created on first use. */
    static final class GlobalCooperator {
        static final Cooperator INSTANCE = new Cooperator();

        private GlobalCooperator() {}
    }
}
