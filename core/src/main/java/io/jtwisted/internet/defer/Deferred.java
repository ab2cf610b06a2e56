package io.jtwisted.internet.defer;

import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingConsumer;
import io.jtwisted.python.failure.ThrowingFunction;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

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
 * <p><b>Retyping.</b> As in Twisted, there is one chain, mutated in place. A method that may
 * change the result's type ({@link #addCallback}, {@link #addCallbacks},
 * {@link #addCallbackDeferring}, {@link #addBoth}) returns a new reference to that same chain,
 * typed for the new result, and the reference it was called on becomes <i>stale</i>: adding a
 * callback through it (or {@link #chainDeferred}, {@link #toCompletableFuture}) fails at once with an {@link IllegalStateException} that says to keep the returned reference.
 * So Twisted's habit {@code d.addCallback(f); d.addCallback(g);} fails at the second call,
 * where the mistake is, instead of handing {@code g} a value of the wrong type and turning the
 * {@link ClassCastException} into a failure deep inside the chain. Write
 * {@code d = d.addCallback(f); d = d.addCallback(g);} or chain the calls. Why a check and not
 * silence: Java erases the types, so the only alternative is a chain that casts the wrong value
 * somewhere nobody looks. Everything else works through any reference, stale or not: firing
 * ({@code callback}, {@code errback}), {@link #cancel()}, {@link #addErrback} (an errback is
 * given a Failure, whatever the type), pause, inspection. Every reference shares the chain's
 * state; compare Deferreds with {@link #sameChainAs}, not {@code ==}.
 *
 * <p><b>Cost.</b> One object and one array of (callback, errback) pairs, reused once drained; a
 * retyping call adds one small reference object. A callback added to a Deferred that has its
 * result runs at once, synchronously. Deferreds that wait on each other, or are linked by
 * {@link #chainDeferred}, are resolved with an explicit stack, so a chain of any length (a
 * million links is tested) never overflows the Java stack. An unhandled failure is watched only
 * when a chain ends in a failure.
 *
 * <p><b>Unhandled errors.</b> A failure left at the end of a chain is logged as
 * {@code "Unhandled error in Deferred:"} with its traceback, as in Twisted: when the Deferred is
 * garbage collected, when a reactor stops ({@link #logUnhandledErrors()}), or when the JVM
 * exits, whichever comes first, and once. Shortly after a failure is left unhandled, the
 * collector is asked (at most once every ten seconds) to find Deferreds that were dropped, so
 * an idle program that lost a failed Deferred still shows it. {@link #setDebugging(boolean)}
 * adds where the Deferred was created and first fired.
 *
 * <p>A Deferred is not thread-safe: fire it and add to it from one thread (the reactor's).
 *
 * @param <T> the type of the current result at the end of the chain; it may be a {@code @Nullable}
 *     type, since a callback may return null (Twisted's {@code None}) and the chain goes on with it
 */
public class Deferred<T extends @Nullable Object> {
    private static final Object NO_RESULT = new Object() {
        @Override
        public String toString() {
            return "<no result>";
        }
    };

    /** Marks the pair that continues a Deferred waiting on this one: (CONTINUE, waiter). */
    private static final ThrowingFunction<Object, Object> CONTINUE = x -> x;
    /** Marks the pair of {@link #chainDeferred}: (CHAIN, target). */
    private static final ThrowingFunction<Object, Object> CHAIN = x -> x;

    private static volatile boolean debugging;

    private static final @Nullable Object[] NO_CALLBACKS = {};

    // A reference made by a constructor is its own chain; a retyped reference points at the chain
    // it belongs to and holds no state of its own.
    private final Deferred<Object> chain;
    private final int stamp; // the chain's retype count when this reference was handed out
    private int retypes;

    private @Nullable Object[] callbacks; // pairs of (callback, errback) functions, or marker pairs
    private int callbackHead; // index of the next pair to run
    private int callbackTail; // index one past the last pair
    private @Nullable Object result = NO_RESULT;
    private boolean called;
    private int paused;
    private boolean runningCallbacks;
    private boolean suppressAlreadyCalled;
    private boolean cancellerFiresItself; // Deferred.async's result: cancel() never adds its own CancelledError
    private @Nullable Deferred<?> chainedTo;
    private final @Nullable Consumer<? super Deferred<T>> canceller;
    private @Nullable UnhandledErrorReporter unhandled;
    private @Nullable DebugInfo debugInfo;

    /** A Deferred without canceller: {@link #cancel()} fires it with {@link CancelledError}. */
    public Deferred() {
        this((Consumer<? super Deferred<T>>) null);
    }

    /**
     * A Deferred whose {@link #cancel()} first calls {@code canceller}, which should stop the
     * operation and may fire the Deferred itself (with a value or a failure of its choosing).
     * A null {@code canceller} is none, as {@link #Deferred()}.
     */
    @SuppressWarnings("unchecked")
    public Deferred(@Nullable Consumer<? super Deferred<T>> canceller) {
        this.chain = (Deferred<Object>) this;
        this.stamp = 0;
        this.canceller = canceller;
        this.callbacks = new Object[4];
        if (debugging) {
            debugInfo = DebugInfo.created();
        }
    }

    /** A retyped reference to {@code chain}. */
    private Deferred(Deferred<Object> chain, int stamp) {
        this.chain = chain;
        this.stamp = stamp;
        this.canceller = null;
        this.callbacks = NO_CALLBACKS; // a retyped reference keeps no pairs: they go to its chain
    }

    /** A Deferred whose result is fired by its canceller's own means (see {@link #async}). */
    static <T extends @Nullable Object> Deferred<T> firedByItsCanceller(Consumer<? super Deferred<T>> canceller) {
        Deferred<T> d = new Deferred<>(canceller);
        d.cancellerFiresItself = true;
        return d;
    }

    // ---------------------------------------------------------------- debugging

    /**
     * Turns Deferred debugging on or off, as Twisted's {@code defer.setDebugging}. While it is on,
     * each new Deferred records where it was created and where it was first fired (two stack
     * traces, a real cost: use it to hunt a bug, not in production). Both appear in the
     * {@link AlreadyCalledError} of a second firing and in the "Unhandled error in Deferred"
     * report. Deferreds created while it was off record nothing.
     */
    public static void setDebugging(boolean on) {
        debugging = on;
    }

    /** Whether {@link #setDebugging(boolean) debugging} is on. */
    public static boolean getDebugging() {
        return debugging;
    }

    /**
     * Logs now, once each, every failure left at the end of a Deferred's chain that has not been
     * reported yet, with Twisted's text {@code "Unhandled error in Deferred:"}. A reactor calls
     * this when it stops, and the JVM at exit, so that a failure nobody handled is seen even
     * when its Deferred is still referenced; call it yourself at any point where every failure
     * should have been handled. A failure reported here is not reported again when its
     * Deferred is collected, even if an errback is added later.
     */
    public static void logUnhandledErrors() {
        UnhandledErrorReporter.reportAll();
    }

    // ---------------------------------------------------------------- inlineCallbacks

    /**
     * Runs {@code body} as a coroutine and returns a Deferred of its outcome: JTwisted's
     * {@code inlineCallbacks} / {@code ensureDeferred}. The body may call {@link #await} to wait
     * for a Deferred without blocking the reactor, so asynchronous steps read top to bottom.
     *
     * <p>The body runs on a virtual thread, in turns that strictly alternate with the thread that
     * called this method and with the threads that fire what it awaits (the reactor's): while
     * the body runs, that thread waits; while it runs, the body is parked in {@code await}. So
     * the body touches protocol state without locks, exactly as a callback does, and the
     * reactor's thread checks accept it ({@link #isInTurnOf}). It starts at once: this method
     * returns when the body first waits on an unfired Deferred, or has finished.
     *
     * <p>What the body returns fires the returned Deferred (a Deferred returned is waited for);
     * what it throws fails it. Cancelling the returned Deferred cancels the Deferred the body is
     * waiting on (its canceller runs) and the body's {@code await} throws {@link CancelledError};
     * the body may catch it, clean up, and go on: the returned Deferred fires with whatever the
     * body then returns or throws. A body that never finishes holds no thread: a parked virtual
     * thread does not keep the JVM alive, and nothing is left running once the reactor stops.
     *
     * @param reactor the reactor whose thread fires what the body awaits; the body must not be
     *     waited on by blocking that thread
     * @param body the coroutine
     */
    public static <T extends @Nullable Object> Deferred<T> async(IReactorCore reactor, ThrowingSupplier<T> body) {
        return InlineCallbacks.start(Objects.requireNonNull(reactor, "reactor"), Objects.requireNonNull(body, "body"));
    }

    /**
     * Waits, inside the body of {@link #async}, for {@code d} to fire, and returns its result or
     * throws its failure's exception: unchecked exceptions and errors as they are, checked ones
     * wrapped in a {@link java.util.concurrent.CompletionException} whose cause is the original.
     * The result is consumed as Twisted's {@code yield}/{@code await} consume it: {@code d}'s
     * chain goes on with {@code null}, and a failure thrown here is not reported as unhandled.
     * On a Deferred that has its result already, returns at once, without parking or a thread
     * hand-off.
     *
     * @throws IllegalStateException outside the body of {@link #async}
     */
    public static <T extends @Nullable Object> T await(Deferred<T> d) {
        // Any reference will do: a value of another type than T would fail right at the caller's
        // assignment, on its own line, not somewhere down a chain.
        return InlineCallbacks.await(d.chainState());
    }

    /**
     * True when the calling thread is the body of a {@link #async} coroutine that runs in a turn
     * of {@code thread}: {@code thread} is waiting for it, so the caller may do what only
     * {@code thread} may. A reactor's "wrong thread" check asks this before failing.
     */
    public static boolean isInTurnOf(Thread thread) {
        return InlineCallbacks.isInTurnOf(thread);
    }

    // ---------------------------------------------------------------- factories

    /** A Deferred that has already fired with {@code result}. */
    public static <T extends @Nullable Object> Deferred<T> succeed(T result) {
        Deferred<T> d = new Deferred<>();
        d.callback(result);
        return d;
    }

    /** A Deferred that has already failed with {@code error}. */
    public static <T extends @Nullable Object> Deferred<T> fail(Throwable error) {
        Deferred<T> d = new Deferred<>();
        d.errback(error);
        return d;
    }

    /** A Deferred that has already failed with {@code failure}. */
    public static <T extends @Nullable Object> Deferred<T> fail(Failure failure) {
        Deferred<T> d = new Deferred<>();
        d.errback(failure);
        return d;
    }

    /**
     * Calls {@code f} now and wraps its outcome in a Deferred: a returned value fires it, a thrown
     * exception fails it, and a returned Deferred is returned as is.
     */
    public static <T extends @Nullable Object> Deferred<T> maybeDeferred(ThrowingSupplier<? extends T> f) {
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
    public static <T extends @Nullable Object> Deferred<T> maybeDeferredDeferring(
            ThrowingSupplier<? extends Deferred<? extends T>> f) {
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
    public static <T extends @Nullable Object> Deferred<List<T>> gatherResults(
            List<? extends Deferred<? extends T>> deferreds, DeferredList.Option... options) {
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
    public static <T extends @Nullable Object> Deferred<T> fromFuture(CompletionStage<? extends T> stage) {
        return fromFuture(stage, null);
    }

    /**
     * As {@link #fromFuture(CompletionStage)}, but the Deferred is fired through {@code deliverOn}:
     * pass {@code r -> reactor.callFromThread(r::run)} to fire it on the reactor thread; null fires
     * it on the thread that completes the stage, as {@link #fromFuture(CompletionStage)}.
     */
    @SuppressWarnings(
            "FutureReturnValueIgnored") // the dependent stages only fire the Deferred; it carries every outcome
    public static <T extends @Nullable Object> Deferred<T> fromFuture(
            CompletionStage<? extends T> stage, @Nullable Executor deliverOn) {
        CompletableFuture<? extends T> future = stage.toCompletableFuture();
        Deferred<T> deferred = new Deferred<>(ignored -> future.cancel(false));
        BiConsumer<T, @Nullable Throwable> fire = (value, error) -> {
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
            deferred.errback(
                    cause instanceof CancellationException && !(cause instanceof CancelledError)
                            ? new CancelledError("the future was cancelled")
                            : cause);
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
    @SuppressWarnings("FutureReturnValueIgnored") // the dependent stage only cancels this Deferred
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> future = new CompletableFuture<>();
        boolean[] settled = {false};
        future.whenComplete((value, error) -> {
            if (!settled[0] && error instanceof CancellationException) {
                cancel();
            }
        });
        checkedChain("toCompletableFuture")
                .appendPair(
                        (ThrowingFunction<T, @Nullable Object>) value -> {
                            settled[0] = true;
                            future.complete(value);
                            return null;
                        },
                        (ThrowingFunction<Failure, @Nullable Object>) failure -> {
                            settled[0] = true;
                            future.completeExceptionally(failure.value());
                            return null;
                        });
        return future;
    }

    // ---------------------------------------------------------------- adding to the chain

    /** Adds a callback and an errback as one pair: an exception in {@code callback} skips {@code errback}. */
    public <R extends @Nullable Object> Deferred<R> addCallbacks(
            ThrowingFunction<? super T, ? extends R> callback, ThrowingFunction<? super Failure, ? extends R> errback) {
        Deferred<Object> c = checkedChain("addCallbacks");
        c.appendPair(callback, errback);
        return c.retyped();
    }

    /**
     * Adds a callback; failures pass it by untouched. Returns the reference typed for the
     * callback's result; the reference this was called on becomes stale (see the class comment).
     */
    public <R extends @Nullable Object> Deferred<R> addCallback(ThrowingFunction<? super T, ? extends R> callback) {
        Deferred<Object> c = checkedChain("addCallback");
        c.appendPair(callback, null);
        return c.retyped();
    }

    /**
     * Adds a callback that uses the result and returns nothing, as a Twisted callback that returns
     * {@code None}: the chain goes on with {@code null}. {@code d.thenAccept(page ->
     * System.out.println(page))} needs no {@code return null;} (a lambda given to
     * {@link #addCallback} must return a value, and one overload taking both shapes would make such
     * lambdas ambiguous, so the name differs, as in {@link CompletionStage#thenAccept}). Failures
     * pass it by untouched; an exception it throws becomes the chain's failure.
     */
    public Deferred<@Nullable Void> thenAccept(ThrowingConsumer<? super T> callback) {
        Deferred<Object> c = checkedChain("thenAccept");
        ThrowingFunction<T, @Nullable Void> asCallback = result -> {
            callback.accept(result);
            return null;
        };
        c.appendPair(asCallback, null);
        return c.retyped();
    }

    /**
     * Adds a callback that returns a Deferred: the chain waits for that Deferred and goes on with
     * its result (typed, so no cast is needed).
     */
    public <R extends @Nullable Object> Deferred<R> addCallbackDeferring(
            ThrowingFunction<? super T, ? extends Deferred<? extends R>> callback) {
        Deferred<Object> c = checkedChain("addCallbackDeferring");
        c.appendPair(callback, null);
        return c.retyped();
    }

    /**
     * Adds an errback; values pass it by untouched. If the errback returns normally, the chain
     * goes on with its result as a value; to pass the failure on, throw (for example through
     * {@link Failure#trap} or {@link Failure#raiseException()}). Allowed through a stale
     * reference too: an errback is given a Failure whatever the chain's type.
     */
    public Deferred<T> addErrback(ThrowingFunction<? super Failure, ? extends T> errback) {
        chain.appendPair(null, errback);
        return this;
    }

    /** Adds an errback that returns a Deferred; the chain waits for it. */
    public Deferred<T> addErrbackDeferring(ThrowingFunction<? super Failure, ? extends Deferred<? extends T>> errback) {
        chain.appendPair(null, errback);
        return this;
    }

    /**
     * Adds one function as both callback and errback: it receives the value or the
     * {@link Failure}, whichever the chain holds (the value may be null). Allowed through a stale reference (the function
     * takes any result).
     */
    public <R extends @Nullable Object> Deferred<R> addBoth(
            ThrowingFunction<@Nullable Object, ? extends R> callbackAndErrback) {
        Deferred<Object> c = chain;
        c.appendPair(callbackAndErrback, callbackAndErrback);
        return c.retyped();
    }

    /**
     * Fires {@code other} with this chain's result at this point (value or failure), leaving this
     * chain's result {@code null} afterwards, as Twisted's {@code chainDeferred}. If {@code other}
     * has fired already, this chain goes on with an {@link AlreadyCalledError}.
     */
    public Deferred<T> chainDeferred(Deferred<? super T> other) {
        Deferred<Object> c = checkedChain("chainDeferred");
        Deferred<Object> target = other.chain;
        target.chainedTo = c;
        c.appendMarker(CHAIN, target);
        return this;
    }

    /**
     * True when {@code other} is a reference to the same chain as this one: the test for "the
     * same Deferred" now that a retyping call returns a new reference. False for null.
     */
    public boolean sameChainAs(@Nullable Deferred<?> other) {
        return other != null && other.chain == chain;
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
            throw new IllegalArgumentException(
                    "a Deferred cannot be fired with a Deferred; use a callback that returns it");
        }
        chain.start(result);
    }

    /** Fires the errback chain with {@code error} wrapped in a {@link Failure}. */
    public void errback(Throwable error) {
        chain.start(new Failure(error));
    }

    /** Fires the errback chain with {@code failure}. */
    public void errback(Failure failure) {
        chain.start(failure == null ? new Failure(new NullPointerException("errback(null)")) : failure);
    }

    /** True once {@link #callback} or {@link #errback} has been called. */
    public boolean called() {
        return chain.called;
    }

    /** True while this Deferred is {@link #pause() paused} or waiting on another Deferred. */
    public boolean paused() {
        return chain.paused > 0;
    }

    /**
     * The current result when this Deferred has fired and its chain has run: a value, or a
     * {@link Failure}, or null when the chain's result is null. Meant for tests and diagnostics
     * (see trial's {@code successResultOf}).
     *
     * @throws IllegalStateException when there is no result yet
     */
    public @Nullable Object currentResult() {
        if (!hasResult()) {
            throw new IllegalStateException("the Deferred has no result yet");
        }
        return chain.result;
    }

    /** True when this Deferred has fired and is not waiting on another Deferred. */
    public boolean hasResult() {
        Deferred<Object> c = chain;
        return c.called && c.result != NO_RESULT && !(c.result instanceof Deferred<?>);
    }

    /** Stops running callbacks until {@link #unpause()}; pauses nest. */
    public void pause() {
        chain.paused++;
    }

    /** Undoes one {@link #pause()}; at zero, runs the callbacks added meanwhile if fired. */
    public void unpause() {
        Deferred<Object> c = chain;
        if (c.paused == 0) {
            return;
        }
        c.paused--;
        if (c.paused == 0 && c.called) {
            c.runCallbacks();
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
        Deferred<Object> c = chain;
        if (c != this) {
            c.cancel(); // the chain's own class decides (a DeferredList cancels its members)
            return;
        }
        if (!called) {
            if (canceller != null) {
                canceller.accept(this);
            } else {
                suppressAlreadyCalled = true;
            }
            if (!called && !cancellerFiresItself) {
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
     * returns the result the chain goes on with. A null {@code onTimeoutCancel} is the
     * two-argument form.
     */
    public Deferred<T> addTimeout(double timeout, IReactorTime clock, @Nullable OnTimeoutCancel<T> onTimeoutCancel) {
        Deferred<Object> c = chain;
        boolean[] timedOut = {false};
        IDelayedCall delayedCall = clock.callLater(timeout, () -> {
            timedOut[0] = true;
            c.cancel();
        });
        ThrowingFunction<@Nullable Object, @Nullable Object> convertCancelled = value -> {
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
        c.appendPair(convertCancelled, convertCancelled);
        ThrowingFunction<@Nullable Object, @Nullable Object> cancelTimeout = value -> {
            if (delayedCall.active()) {
                delayedCall.cancel();
            }
            return value;
        };
        c.appendPair(cancelTimeout, cancelTimeout);
        return this;
    }

    /** What {@link #addTimeout(double, IReactorTime, OnTimeoutCancel)} calls on timeout. */
    @FunctionalInterface
    public interface OnTimeoutCancel<T extends @Nullable Object> {
        /**
         * Decides what the chain goes on with after the timeout cancelled it.
         *
         * @param resultOrFailure the chain's result after cancelling: a value (null if the chain's
         *     value is null) or a {@link Failure}
         * @param timeout the timeout that expired, in seconds
         * @return the result the chain goes on with
         */
        T onTimeout(@Nullable Object resultOrFailure, double timeout) throws Exception;
    }

    /**
     * {@code <Deferred at 0x…>}, followed by {@code waiting on Deferred at 0x…} while it waits on
     * another Deferred, or by {@code current result: …} once it has one, as Twisted's repr. Every
     * reference to one chain prints the same.
     */
    @Override
    public String toString() {
        Deferred<Object> c = chain;
        StringBuilder out =
                new StringBuilder("<Deferred at 0x").append(Integer.toHexString(System.identityHashCode(c)));
        if (c.chainedTo != null) {
            out.append(" waiting on Deferred at 0x").append(Integer.toHexString(System.identityHashCode(c.chainedTo)));
        } else if (c.called && c.result != NO_RESULT && !(c.result instanceof Deferred<?>)) {
            out.append(" current result: ").append(c.result);
        }
        return out.append('>').toString();
    }

    // ---------------------------------------------------------------- machinery

    /** The chain, after checking that this reference still has the chain's current type. */
    private Deferred<Object> checkedChain(String method) {
        Deferred<Object> c = chain;
        if (stamp != c.retypes) {
            throw new IllegalStateException(
                    method + " through a stale reference to " + c + ": an earlier "
                            + "addCallback, addCallbacks, addCallbackDeferring or addBoth on it may have changed the result's "
                            + "type and returned the reference to use from then on. Keep that reference "
                            + "(d = d.addCallback(f); d = d.addCallback(g);) or chain the calls (d.addCallback(f).addCallback(g)).");
        }
        return c;
    }

    /** A new reference to this chain, typed for the result of the pair just added. */
    @SuppressWarnings("unchecked")
    private <R extends @Nullable Object> Deferred<R> retyped() {
        retypes++;
        return new Deferred<R>(chain, retypes);
    }

    /** The chain this reference belongs to (package-private for the inlineCallbacks machinery). */
    Deferred<Object> chainState() {
        return chain;
    }

    private void appendPair(@Nullable Object callback, @Nullable Object errback) {
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

    /** Appends a marker pair; it runs inside {@link #runCallbacks()}'s loop, never by recursion. */
    private void appendMarker(Object marker, Deferred<?> other) {
        appendPair(marker, other);
    }

    /** Appends a pair (callback and errback at once) used by the inlineCallbacks machinery. */
    void appendBoth(ThrowingFunction<@Nullable Object, @Nullable Object> both) {
        appendPair(both, both);
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

    private void start(@Nullable Object value) {
        if (called) {
            if (suppressAlreadyCalled) {
                suppressAlreadyCalled = false;
                return;
            }
            throw alreadyCalled();
        }
        fired(value);
        runCallbacks();
    }

    /** Records the first firing: the result, and where it came from when debugging. */
    private void fired(@Nullable Object value) {
        if (debugInfo != null) {
            debugInfo.invoked();
        }
        called = true;
        result = value;
    }

    private AlreadyCalledError alreadyCalled() {
        String message = "the Deferred has already been called: " + this;
        return new AlreadyCalledError(debugInfo == null ? message : message + "\n" + debugInfo.tracebacks());
    }

    /**
     * True when this chain has its final result for now and nothing is pending: the result can be
     * taken at once (await on a fired Deferred).
     */
    boolean resultReady() {
        return called
                && paused == 0
                && !runningCallbacks
                && callbackHead == callbackTail
                && result != NO_RESULT
                && !(result instanceof Deferred<?>);
    }

    /** Takes the ready result, leaving {@code null} in the chain and disarming any report. */
    @Nullable
    Object takeResult() {
        Object taken = result;
        result = null;
        disarm();
        return taken;
    }

    private void disarm() {
        if (unhandled != null) {
            unhandled.disarm();
            unhandled = null;
        }
    }

    /**
     * Runs pending callbacks. Deferreds that wait on each other and Deferreds linked by
     * {@link #chainDeferred} are processed in this one loop with an explicit stack of the
     * Deferreds to come back to, so a chain of any depth never overflows the Java stack.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void runCallbacks() {
        if (runningCallbacks) {
            // Re-entered from one of our own callbacks: the outer loop picks up whatever was added.
            return;
        }
        ArrayList<Deferred<Object>> comeBackTo = null;
        Deferred<Object> current = (Deferred<Object>) this;
        while (current != null) {
            Deferred<Object> switchTo = null;
            if (current.paused == 0 && !current.runningCallbacks) {
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
                        Deferred<Object> waiter =
                                (Deferred<Object>) Objects.requireNonNull(errbackFn); // a marker pair's Deferred
                        waiter.result = current.result;
                        current.result = null;
                        current.disarm();
                        waiter.paused--;
                        switchTo = waiter;
                        break;
                    }
                    if (callbackFn == CHAIN) {
                        Deferred<Object> target =
                                (Deferred<Object>) Objects.requireNonNull(errbackFn); // a marker pair's Deferred
                        Object value = current.result;
                        current.result = null;
                        current.disarm();
                        if (target.called) {
                            if (target.suppressAlreadyCalled) {
                                target.suppressAlreadyCalled = false;
                            } else {
                                current.result = new Failure(target.alreadyCalled());
                            }
                            continue;
                        }
                        target.fired(value);
                        switchTo = target;
                        break;
                    }
                    boolean failed = current.result instanceof Failure;
                    Object fn = failed ? errbackFn : callbackFn;
                    if (fn == null) {
                        continue;
                    }
                    if (failed) {
                        current.disarm();
                    }
                    Object next;
                    current.runningCallbacks = true;
                    try {
                        next = ((ThrowingFunction<@Nullable Object, @Nullable Object>) fn).apply(current.result);
                    } catch (Throwable t) {
                        next = new Failure(t); // rethrows a fatal error, leaving the chain where it was
                    } finally {
                        current.runningCallbacks = false;
                    }
                    current.result = next;
                    if (next instanceof Deferred<?> returned) {
                        Deferred<Object> inner = returned.chain;
                        if (inner == current) {
                            current.result = new Failure(
                                    new IllegalStateException("a callback returned the Deferred it was added to"));
                            continue;
                        }
                        current.result = inner;
                        Object innerResult = inner.result;
                        if (!inner.called
                                || innerResult == NO_RESULT
                                || innerResult instanceof Deferred<?>
                                || inner.paused > 0
                                || inner.runningCallbacks) {
                            // Wait for it; it has no result to hand over now, so appending runs nothing.
                            current.paused++;
                            current.chainedTo = inner;
                            inner.appendPairNoRun(CONTINUE, current);
                            break;
                        }
                        // The inner Deferred already has its result: take it over, leaving null behind.
                        inner.result = null;
                        inner.disarm();
                        current.result = innerResult;
                    }
                }
                if (switchTo == null && current.paused == 0) {
                    if (current.callbackHead == current.callbackTail) {
                        // Drained: reuse the storage from its start for callbacks added later.
                        current.callbackHead = 0;
                        current.callbackTail = 0;
                        if (current.result instanceof Failure failure) {
                            if (current.unhandled == null) {
                                current.unhandled = UnhandledErrorReporter.watch(current, failure, current.debugInfo);
                            } else {
                                current.unhandled.update(failure);
                            }
                        }
                    }
                }
            }
            if (switchTo != null) {
                if (comeBackTo == null) {
                    comeBackTo = new ArrayList<>();
                }
                comeBackTo.add(current);
                current = switchTo;
            } else {
                current =
                        (comeBackTo == null || comeBackTo.isEmpty()) ? null : comeBackTo.remove(comeBackTo.size() - 1);
            }
        }
    }

    private void appendPairNoRun(@Nullable Object callback, @Nullable Object errback) {
        if (callbackTail + 2 > callbacks.length) {
            growCallbacks();
        }
        callbacks[callbackTail] = callback;
        callbacks[callbackTail + 1] = errback;
        callbackTail += 2;
    }

    /** The Deferred this one is waiting on, or {@code null}. */
    @Nullable
    Deferred<?> chainedTo() {
        return chain.chainedTo;
    }
}
