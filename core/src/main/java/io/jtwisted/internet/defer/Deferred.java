package io.jtwisted.internet.defer;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingFunction;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A result that is not there yet, with the chain of callbacks and errbacks that will process
 * it: Twisted's {@code twisted.internet.defer.Deferred}.
 *
 * <p>Callbacks are added in pairs (callback, errback). When the Deferred fires, each pair in turn
 * gets the current result: the callback when it is a value, the errback when it is a
 * {@link Failure}. Whatever that function returns becomes the next result; if it throws, the
 * next result is a Failure wrapping what it threw. A callback whose result is another Deferred
 * pauses this chain until that one fires, then goes on with its result.
 *
 * <p>Adding a callback returns this same Deferred, retyped to the callback's result type (as
 * in Twisted, the chain is mutated in place): keep using the returned reference. An older
 * reference still has the old type parameter: a callback added through it would be handed a
 * value of another type, and the resulting {@link ClassCastException} becomes the chain's failure.
 *
 * <p>Cost: one object and one array of (callback, errback) pairs, reused once drained. A callback
 * added to a Deferred that has its result runs at once, synchronously, without allocating.
 * Deferreds that wait on each other are resolved with an explicit stack, so nesting depth is not
 * limited by the Java stack. An unhandled failure is watched (and logged if the Deferred is
 * garbage collected with it) only when a chain ends in a failure.
 *
 * <p>A Deferred is not thread-safe: fire it and add to it from one thread (the reactor's).
 *
 * @param <T> the type of the current result at the end of the chain
 */
public class Deferred<T> {
    private static final Object NO_RESULT = new Object() {
        @Override
        public String toString() {
            return "<no result>";
        }
    };

    /** Marks the pair that continues a Deferred waiting on this one. */
    private static final ThrowingFunction<Object, Object> CONTINUE = x -> x;

    private Object[] callbacks = new Object[4]; // pairs of (callback, errback) functions, or (CONTINUE, waiter)
    private int callbackHead; // index of the next pair to run
    private int callbackTail; // index one past the last pair
    private Object result = NO_RESULT;
    private boolean called;
    private int paused;
    private boolean runningCallbacks;
    private boolean suppressAlreadyCalled;
    private Deferred<?> chainedTo;
    private final Consumer<? super Deferred<T>> canceller;
    private UnhandledErrorReporter unhandled;

    /** A Deferred without canceller: {@link #cancel()} fires it with {@link CancelledError}. */
    public Deferred() {
        this.canceller = null;
    }

    /**
     * A Deferred whose {@link #cancel()} first calls {@code canceller}, which should stop the
     * operation and may fire the Deferred itself (with a value or a failure of its choosing).
     */
    public Deferred(Consumer<? super Deferred<T>> canceller) {
        this.canceller = canceller;
    }

    // ---------------------------------------------------------------- factories

    /** A Deferred that has already fired with {@code result}. */
    public static <T> Deferred<T> succeed(T result) {
        Deferred<T> d = new Deferred<>();
        d.callback(result);
        return d;
    }

    /** A Deferred that has already failed with {@code error}. */
    public static <T> Deferred<T> fail(Throwable error) {
        Deferred<T> d = new Deferred<>();
        d.errback(error);
        return d;
    }

    /** A Deferred that has already failed with {@code failure}. */
    public static <T> Deferred<T> fail(Failure failure) {
        Deferred<T> d = new Deferred<>();
        d.errback(failure);
        return d;
    }

    /**
     * Calls {@code f} now and wraps its outcome in a Deferred: a returned value fires it, a thrown
     * exception fails it, and a returned Deferred is returned as is.
     */
    public static <T> Deferred<T> maybeDeferred(ThrowingSupplier<? extends T> f) {
        Object value;
        try {
            value = f.get();
        } catch (Throwable t) {
            return fail(Failure.rethrowIfFatal(t));
        }
        if (value instanceof Deferred<?> deferred) {
            @SuppressWarnings("unchecked")
            Deferred<T> typed = (Deferred<T>) deferred;
            return typed;
        }
        if (value instanceof Failure failure) {
            return fail(failure);
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return succeed(typed);
    }

    /** As {@link #maybeDeferred(ThrowingSupplier)} for a function that itself returns a Deferred. */
    public static <T> Deferred<T> maybeDeferredDeferring(ThrowingSupplier<? extends Deferred<? extends T>> f) {
        Deferred<? extends T> returned;
        try {
            returned = f.get();
        } catch (Throwable t) {
            return fail(Failure.rethrowIfFatal(t));
        }
        @SuppressWarnings("unchecked")
        Deferred<T> typed = (Deferred<T>) returned;
        return typed;
    }

    /**
     * A Deferred that fires with the list of results of {@code deferreds}, in order, once all have
     * succeeded, or fails with a {@link FirstError} (carrying the failure and the index) as soon
     * as one fails, as Twisted's {@code gatherResults}. Pass {@link DeferredList.Option#CONSUME_ERRORS}
     * so that a failure does not go on down its own Deferred's chain (and get logged as unhandled).
     * Cancelling the returned Deferred cancels every Deferred of the list.
     */
    public static <T> Deferred<List<T>> gatherResults(List<? extends Deferred<? extends T>> deferreds,
                                                      DeferredList.Option... options) {
        DeferredList.Option[] all = Arrays.copyOf(options, options.length + 1);
        all[options.length] = DeferredList.Option.FIRE_ON_ONE_ERRBACK;
        return new DeferredList<T>(deferreds, all).addCallback(results -> {
            List<T> values = new ArrayList<>(results.size());
            for (DeferredList.Result<T> result : results) {
                values.add(result.value());
            }
            return Collections.unmodifiableList(values);
        });
    }

    /**
     * A Deferred that fires with the outcome of {@code stage}, on the thread that completes the
     * stage (see {@link #fromFuture(CompletionStage, Executor)} to choose the thread). A stage
     * cancelled elsewhere fails it with {@link CancelledError}; cancelling the Deferred before it
     * fires cancels the stage's future ({@code cancel(false)}). As Twisted's {@code Deferred.fromFuture}.
     */
    public static <T> Deferred<T> fromFuture(CompletionStage<? extends T> stage) {
        return fromFuture(stage, null);
    }

    /**
     * As {@link #fromFuture(CompletionStage)}, but the Deferred is fired through {@code deliverOn}:
     * pass {@code r -> reactor.callFromThread(r::run)} to fire it on the reactor thread.
     */
    public static <T> Deferred<T> fromFuture(CompletionStage<? extends T> stage, Executor deliverOn) {
        CompletableFuture<? extends T> future = stage.toCompletableFuture();
        Deferred<T> deferred = new Deferred<>(ignored -> future.cancel(false));
        BiConsumer<T, Throwable> fire = (value, error) -> {
            if (deferred.called()) {
                return; // cancelled from our side already
            }
            if (error == null) {
                deferred.callback(value);
                return;
            }
            Throwable cause = error;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            deferred.errback(cause instanceof CancellationException && !(cause instanceof CancelledError)
                    ? new CancelledError("the future was cancelled") : cause);
        };
        if (deliverOn == null) {
            future.whenComplete(fire);
        } else {
            future.whenCompleteAsync(fire, deliverOn);
        }
        return deferred;
    }

    /**
     * A CompletableFuture completed with this chain's result at this point (added as a pair to the
     * chain, which goes on with {@code null}, as Twisted's {@code asFuture}). A failure completes it
     * exceptionally with the failure's exception; a {@link CancelledError} makes it cancelled.
     * Cancelling the future before that cancels this Deferred, on the thread that cancels the
     * future: do that on the thread that owns this Deferred.
     */
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>();
        boolean[] settled = {false};
        future.whenComplete((value, error) -> {
            if (!settled[0] && error instanceof CancellationException) {
                cancel();
            }
        });
        appendPair((ThrowingFunction<T, Object>) value -> {
            settled[0] = true;
            future.complete(value);
            return null;
        }, (ThrowingFunction<Failure, Object>) failure -> {
            settled[0] = true;
            future.completeExceptionally(failure.value());
            return null;
        });
        return future;
    }

    // ---------------------------------------------------------------- adding to the chain

    /** Adds a callback and an errback as one pair: an exception in {@code callback} skips {@code errback}. */
    public <R> Deferred<R> addCallbacks(ThrowingFunction<? super T, ? extends R> callback,
                                        ThrowingFunction<? super Failure, ? extends R> errback) {
        appendPair(callback, errback);
        return retype();
    }

    /** Adds a callback; failures pass it by untouched. */
    public <R> Deferred<R> addCallback(ThrowingFunction<? super T, ? extends R> callback) {
        appendPair(callback, null);
        return retype();
    }

    /**
     * Adds a callback that returns a Deferred: the chain waits for that Deferred and goes on with
     * its result (typed, so no cast is needed).
     */
    public <R> Deferred<R> addCallbackDeferring(ThrowingFunction<? super T, ? extends Deferred<? extends R>> callback) {
        appendPair(callback, null);
        return retype();
    }

    /**
     * Adds an errback; values pass it by untouched. If the errback returns normally, the chain
     * goes on with its result as a value; to pass the failure on, throw (for example through
     * {@link Failure#trap} or {@link Failure#raiseException()}).
     */
    public Deferred<T> addErrback(ThrowingFunction<? super Failure, ? extends T> errback) {
        appendPair(null, errback);
        return this;
    }

    /** Adds an errback that returns a Deferred; the chain waits for it. */
    public Deferred<T> addErrbackDeferring(ThrowingFunction<? super Failure, ? extends Deferred<? extends T>> errback) {
        appendPair(null, errback);
        return this;
    }

    /**
     * Adds one function as both callback and errback: it receives the value or the
     * {@link Failure}, whichever the chain holds.
     */
    public <R> Deferred<R> addBoth(ThrowingFunction<Object, ? extends R> callbackAndErrback) {
        appendPair(callbackAndErrback, callbackAndErrback);
        return retype();
    }

    /**
     * Fires {@code other} with this chain's result at this point (value or failure), leaving this
     * chain's result {@code null} afterwards, as Twisted's {@code chainDeferred}.
     */
    public Deferred<T> chainDeferred(Deferred<? super T> other) {
        @SuppressWarnings("unchecked")
        Deferred<Object> target = (Deferred<Object>) other;
        target.chainedTo = this;
        appendPair((ThrowingFunction<Object, Object>) value -> {
            target.callback(value);
            return null;
        }, (ThrowingFunction<Failure, Object>) failure -> {
            target.errback(failure);
            return null;
        });
        return this;
    }

    // ---------------------------------------------------------------- firing

    /**
     * Fires the callback chain with {@code result}.
     *
     * @throws AlreadyCalledError if this Deferred has fired already (except the one call that a
     *     {@link #cancel()} without canceller absorbs)
     * @throws IllegalArgumentException if {@code result} is a Deferred (chain it instead)
     */
    public void callback(T result) {
        if (result instanceof Deferred<?>) {
            throw new IllegalArgumentException("a Deferred cannot be fired with a Deferred; use a callback that returns it");
        }
        start(result);
    }

    /** Fires the errback chain with {@code error} wrapped in a {@link Failure}. */
    public void errback(Throwable error) {
        start(new Failure(error));
    }

    /** Fires the errback chain with {@code failure}. */
    public void errback(Failure failure) {
        start(failure == null ? new Failure(new NullPointerException("errback(null)")) : failure);
    }

    /** True once {@link #callback} or {@link #errback} has been called. */
    public boolean called() {
        return called;
    }

    /** True while this Deferred is {@link #pause() paused} or waiting on another Deferred. */
    public boolean paused() {
        return paused > 0;
    }

    /**
     * The current result when this Deferred has fired and its chain has run: a value, or a
     * {@link Failure}. Meant for tests and diagnostics (see trial's {@code successResultOf}).
     *
     * @throws IllegalStateException when there is no result yet
     */
    public Object currentResult() {
        if (!hasResult()) {
            throw new IllegalStateException("the Deferred has no result yet");
        }
        return result;
    }

    /** True when this Deferred has fired and is not waiting on another Deferred. */
    public boolean hasResult() {
        return called && result != NO_RESULT && !(result instanceof Deferred<?>);
    }

    /** Stops running callbacks until {@link #unpause()}; pauses nest. */
    public void pause() {
        paused++;
    }

    /** Undoes one {@link #pause()}; at zero, runs the callbacks added meanwhile if fired. */
    public void unpause() {
        if (paused == 0) {
            return;
        }
        paused--;
        if (paused == 0 && called) {
            runCallbacks();
        }
    }

    /**
     * Asks for the operation behind this Deferred to stop. Before it fires: the canceller runs,
     * and if it did not fire the Deferred, it fails with {@link CancelledError}. While waiting on
     * another Deferred: that one is cancelled. Otherwise nothing happens.
     *
     * <p>An exception thrown by the canceller comes out of this call, as in Twisted, and the
     * Deferred is left as the canceller left it (unfired, if it did not fire it): the canceller
     * is the caller's own code, and hiding its bug in the chain would make it harder to see.
     * {@link DeferredList} and {@link Deferred#gatherResults} catch and log it per Deferred, so
     * that one broken canceller does not stop the others.
     */
    public void cancel() {
        if (!called) {
            if (canceller != null) {
                canceller.accept(this);
            } else {
                suppressAlreadyCalled = true;
            }
            if (!called) {
                errback(new CancelledError());
            }
        } else if (result instanceof Deferred<?> waitingOn) {
            waitingOn.cancel();
        }
    }

    /**
     * Cancels this Deferred if it has not fired {@code timeout} seconds from now on
     * {@code clock}; the {@link CancelledError} that causes is replaced by {@link TimeoutError}.
     * A canceller's own result is kept. Only callbacks added before this call are timed out.
     */
    public Deferred<T> addTimeout(double timeout, IReactorTime clock) {
        return addTimeout(timeout, clock, null);
    }

    /**
     * As {@link #addTimeout(double, IReactorTime)}, but on timeout (and only then)
     * {@code onTimeoutCancel} receives the result (value or Failure) and the timeout, and
     * returns the result the chain goes on with.
     */
    public Deferred<T> addTimeout(double timeout, IReactorTime clock, OnTimeoutCancel<T> onTimeoutCancel) {
        boolean[] timedOut = {false};
        IDelayedCall delayedCall = clock.callLater(timeout, () -> {
            timedOut[0] = true;
            cancel();
        });
        ThrowingFunction<Object, Object> convertCancelled = value -> {
            if (!timedOut[0]) {
                return value;
            }
            if (onTimeoutCancel != null) {
                return onTimeoutCancel.onTimeout(value, timeout);
            }
            if (value instanceof Failure failure) {
                failure.trap(CancelledError.class);
                throw new TimeoutError(timeout);
            }
            return value;
        };
        appendPair(convertCancelled, convertCancelled);
        ThrowingFunction<Object, Object> cancelTimeout = value -> {
            if (delayedCall.active()) {
                delayedCall.cancel();
            }
            return value;
        };
        appendPair(cancelTimeout, cancelTimeout);
        return this;
    }

    /** What {@link #addTimeout(double, IReactorTime, OnTimeoutCancel)} calls on timeout. */
    @FunctionalInterface
    public interface OnTimeoutCancel<T> {
        /**
         * @param resultOrFailure the chain's result after cancelling: a value or a {@link Failure}
         * @param timeout the timeout that expired, in seconds
         * @return the result the chain goes on with
         */
        T onTimeout(Object resultOrFailure, double timeout) throws Exception;
    }

    /**
     * {@code <Deferred at 0x…>}, followed by {@code waiting on Deferred at 0x…} while it waits on
     * another Deferred, or by {@code current result: …} once it has one, as Twisted's repr.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("<Deferred at 0x").append(Integer.toHexString(System.identityHashCode(this)));
        if (chainedTo != null) {
            out.append(" waiting on Deferred at 0x").append(Integer.toHexString(System.identityHashCode(chainedTo)));
        } else if (called && result != NO_RESULT && !(result instanceof Deferred<?>)) {
            out.append(" current result: ").append(result);
        }
        return out.append('>').toString();
    }

    // ---------------------------------------------------------------- machinery

    @SuppressWarnings("unchecked")
    private <R> Deferred<R> retype() {
        return (Deferred<R>) this;
    }

    private void appendPair(Object callback, Object errback) {
        if (callbackTail + 2 > callbacks.length) {
            growCallbacks();
        }
        callbacks[callbackTail] = callback;
        callbacks[callbackTail + 1] = errback;
        callbackTail += 2;
        if (called) {
            runCallbacks();
        }
    }

    private void growCallbacks() {
        int live = callbackTail - callbackHead;
        if (callbackHead > 0 && live <= callbacks.length / 2) {
            System.arraycopy(callbacks, callbackHead, callbacks, 0, live);
            Arrays.fill(callbacks, live, callbackTail, null);
        } else {
            Object[] bigger = new Object[callbacks.length * 2];
            System.arraycopy(callbacks, callbackHead, bigger, 0, live);
            callbacks = bigger;
        }
        callbackHead = 0;
        callbackTail = live;
    }

    private void start(Object value) {
        if (called) {
            if (suppressAlreadyCalled) {
                suppressAlreadyCalled = false;
                return;
            }
            throw new AlreadyCalledError("the Deferred has already been called: " + this);
        }
        called = true;
        result = value;
        runCallbacks();
    }

    /**
     * Runs pending callbacks. Deferreds that wait on each other are processed with an explicit
     * stack, so a chain of any depth never overflows the Java stack.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runCallbacks() {
        if (runningCallbacks) {
            // Re-entered from one of our own callbacks: the outer loop picks up whatever was added.
            return;
        }
        ArrayList<Deferred<?>> chain = null;
        Deferred<?> current = this;
        while (current != null) {
            if (current.paused > 0) {
                return;
            }
            boolean finished = true;
            current.chainedTo = null;
            while (current.callbackHead < current.callbackTail) {
                int at = current.callbackHead;
                Object callbackFn = current.callbacks[at];
                Object errbackFn = current.callbacks[at + 1];
                current.callbacks[at] = null;
                current.callbacks[at + 1] = null;
                current.callbackHead = at + 2;
                if (callbackFn == CONTINUE) {
                    // This Deferred was returned by a callback of the waiter: hand the result over.
                    Deferred<?> waiter = (Deferred<?>) errbackFn;
                    waiter.result = current.result;
                    current.result = null;
                    if (current.unhandled != null) {
                        current.unhandled.disarm();
                        current.unhandled = null;
                    }
                    waiter.paused--;
                    if (chain == null) {
                        chain = new ArrayList<>();
                    }
                    chain.add(current);
                    current = waiter;
                    finished = false;
                    break;
                }
                boolean failed = current.result instanceof Failure;
                Object fn = failed ? errbackFn : callbackFn;
                if (fn == null) {
                    continue;
                }
                if (failed && current.unhandled != null) {
                    current.unhandled.disarm();
                    current.unhandled = null;
                }
                Object next;
                current.runningCallbacks = true;
                try {
                    next = ((ThrowingFunction) fn).apply(current.result);
                } catch (Throwable t) {
                    next = new Failure(t); // rethrows a fatal error, leaving the chain where it was
                } finally {
                    current.runningCallbacks = false;
                }
                current.result = next;
                if (next instanceof Deferred<?> inner) {
                    if (inner == current) {
                        current.result = new Failure(new IllegalStateException(
                                "a callback returned the Deferred it was added to"));
                        continue;
                    }
                    Object innerResult = inner.result;
                    if (!inner.called || innerResult == NO_RESULT || innerResult instanceof Deferred<?>
                            || inner.paused > 0) {
                        current.pause();
                        current.chainedTo = inner;
                        inner.appendWaiter(current);
                        break;
                    }
                    // The inner Deferred already has its result: take it over, leaving null behind.
                    inner.result = null;
                    if (inner.unhandled != null) {
                        inner.unhandled.disarm();
                        inner.unhandled = null;
                    }
                    current.result = innerResult;
                }
            }
            if (finished) {
                if (current.callbackHead == current.callbackTail) {
                    // Drained: reuse the storage from its start for callbacks added later.
                    current.callbackHead = 0;
                    current.callbackTail = 0;
                }
                if (current.result instanceof Failure failure && current.callbackHead == current.callbackTail) {
                    if (current.unhandled == null) {
                        current.unhandled = UnhandledErrorReporter.watch(current, failure);
                    } else {
                        current.unhandled.update(failure);
                    }
                }
                current = (chain == null || chain.isEmpty()) ? null : chain.remove(chain.size() - 1);
            }
        }
    }

    /** Appends the pair that resumes {@code waiter} with this Deferred's result. */
    private void appendWaiter(Deferred<?> waiter) {
        if (callbackTail + 2 > callbacks.length) {
            growCallbacks();
        }
        callbacks[callbackTail] = CONTINUE;
        callbacks[callbackTail + 1] = waiter;
        callbackTail += 2;
        if (called) {
            runCallbacks();
        }
    }

    /** The Deferred this one is waiting on, or {@code null}. */
    Deferred<?> chainedTo() {
        return chainedTo;
    }
}
