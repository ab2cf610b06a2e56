package io.jtwisted.trial;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.TimeoutError;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.python.failure.Failure;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Runs a reactor on the calling thread until something happens or a timeout expires, as trial's {@code _wait}. */
final class ReactorDriver {
    private ReactorDriver() {}

    /** Thrown by {@link #runUntil} when the condition did not become true in time. */
    static final class TimedOut extends Exception {
        TimedOut(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs {@code reactor} until {@code done} is true, checking after each {@code crash} that
     * {@link #wake} causes. {@code done} must be made true on the reactor thread (or be followed
     * by a {@link #wake}).
     */
    static void runUntil(Reactor reactor, BooleanSupplier done, double timeoutSeconds, String what) throws TimedOut {
        if (done.getAsBoolean()) {
            return;
        }
        if (reactor.running()) {
            throw new IllegalStateException("cannot wait for " + what + ": the reactor is already running");
        }
        boolean[] timedOut = {false};
        IDelayedCall timeout = reactor.callLater(timeoutSeconds, () -> {
            timedOut[0] = true;
            reactor.crash();
        });
        try {
            while (!done.getAsBoolean() && !timedOut[0]) {
                reactor.run(false);
            }
        } finally {
            if (timeout.active()) {
                timeout.cancel();
            }
        }
        if (!done.getAsBoolean()) {
            throw new TimedOut(what + " timed out after " + formatSeconds(timeoutSeconds) + " seconds");
        }
    }

    /** {@code result}, the current result of {@code deferred} and not a Failure, as the T it is. */
    @SuppressWarnings({"unchecked", "NullAway"
    }) // currentResult() says Object; a Deferred<T>'s value is a T, null only where T admits it
    static <T extends @Nullable Object> T valueOf(Deferred<T> deferred, @Nullable Object result) {
        return (T) result;
    }

    /** Marks a failure result of {@code deferred}, now or later, handled: the chain goes on with null. */
    @SuppressWarnings(
            "NullAway") // a Deferred<T> may not hold null, but after a handled failure no one here reads its value
    static void handleFailure(Deferred<?> deferred) {
        deferred.addErrback(f -> null);
    }

    /** Ends the current {@link #runUntil} loop turn so its condition is checked; safe from any thread. */
    static void wake(Reactor reactor) {
        reactor.callFromThread(reactor::crash);
    }

    /**
     * Runs {@code reactor} until {@code deferred} has a result, then returns it, or throws the
     * original exception of a failure result (which is thereby handled).
     */
    static <T extends @Nullable Object> T await(Reactor reactor, Deferred<T> deferred, double timeoutSeconds) {
        if (!deferred.hasResult()) {
            deferred.<@Nullable Object>addBoth(result -> {
                reactor.crash();
                return result;
            });
        }
        try {
            runUntil(reactor, deferred::hasResult, timeoutSeconds, String.valueOf(deferred));
        } catch (TimedOut timedOut) {
            // Stop the operation, and keep the CancelledError this causes out of the log.
            handleFailure(deferred);
            deferred.cancel();
            throw new TimeoutError(timeoutSeconds);
        }
        Object result = deferred.currentResult();
        if (result instanceof Failure failure) {
            handleFailure(deferred);
            throw failure.raiseException();
        }
        return valueOf(deferred, result);
    }

    /** Runs {@code reactor} until {@code stage} completes, then returns its value or throws its exception. */
    @SuppressWarnings(
            "FutureReturnValueIgnored") // the dependent stage only wakes the loop; the outcome is read from future
    static <T extends @Nullable Object> T await(Reactor reactor, CompletionStage<T> stage, double timeoutSeconds) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        future.whenComplete((value, error) -> wake(reactor));
        try {
            runUntil(reactor, future::isDone, timeoutSeconds, String.valueOf(stage));
        } catch (TimedOut timedOut) {
            future.cancel(true);
            throw new TimeoutError(timeoutSeconds);
        }
        try {
            return future.get();
        } catch (ExecutionException e) {
            // CompletableFuture.get always wraps the stage's exception, so the cause is never null
            throw new Failure(Objects.requireNonNull(e.getCause())).raiseException();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String formatSeconds(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
