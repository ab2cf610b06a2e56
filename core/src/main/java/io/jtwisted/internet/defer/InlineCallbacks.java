package io.jtwisted.internet.defer;

import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingFunction;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * One coroutine of {@link Deferred#async}: a body on a virtual thread that takes turns with the
 * thread that resumes it. Exactly one of the two runs at any time; the turn passes through the
 * volatile {@link #bodyTurn}, whose write and read order everything each side did before.
 *
 * <p>The body starts in the turn of the thread that called {@code async}. Waiting on an unfired
 * Deferred adds a pair to it that, when it fires (on the reactor's thread, inside that Deferred's
 * chain), gives the turn to the body and waits until the body waits again or ends. When it ends,
 * the thread in whose turn it ended fires the returned Deferred, so its callbacks run there.
 */
final class InlineCallbacks<T extends @Nullable Object> {
    private static final ThreadLocal<InlineCallbacks<?>> CURRENT = new ThreadLocal<>();
    private static final ThreadFactory BODIES = Thread.ofVirtual().name("jtwisted-async-", 0).factory();
    private static final Object PENDING = new Object();
    private static final int SPINS_BEFORE_PARKING = 1_000;

    private final IReactorCore reactor;
    private final ThrowingSupplier<T> body;
    private final Deferred<T> result;
    // Made once, not per await: the pair added to each awaited Deferred, and the body's wake-up.
    private final ThrowingFunction<@Nullable Object, @Nullable Object> resume = this::resumeWith;
    @SuppressWarnings("UnnecessaryLambda") // made once per coroutine so that no await allocates one
    private final Runnable wakeBody = () -> LockSupport.unpark(this.thread);
    @SuppressWarnings("NullAway.Init") // set by start() right after the constructor, before the body can run
    private Thread thread;
    private volatile boolean bodyTurn;
    private volatile @Nullable Thread resumer; // the thread waiting for the body's turn to end
    private volatile @Nullable InlineCallbacks<?> resumerTask; // the coroutine that thread is the body of, if any

    // Touched only by whichever side has the turn.
    private @Nullable Deferred<Object> awaiting;
    private @Nullable Object resumedWith = PENDING;
    private boolean finished;
    private boolean delivered;
    private @Nullable Object outcome; // a value, a Failure, or a Deferred to wait for
    private @Nullable Throwable fatal;

    private InlineCallbacks(IReactorCore reactor, ThrowingSupplier<T> body) {
        this.reactor = reactor;
        this.body = body;
        this.result = Deferred.firedByItsCanceller(ignored -> cancelAwaited());
    }

    static <T extends @Nullable Object> Deferred<T> start(IReactorCore reactor, ThrowingSupplier<T> body) {
        InlineCallbacks<T> task = new InlineCallbacks<>(reactor, body);
        task.thread = BODIES.newThread(task::runBody);
        task.takeTurn(() -> task.thread.start());
        return task.result;
    }

    /** Gives the body the turn (through {@code wake}), waits until it hands it back, then delivers. */
    private void takeTurn(Runnable wake) {
        resumerTask = CURRENT.get();
        resumer = Thread.currentThread();
        bodyTurn = true;
        wake.run();
        boolean interrupted = false;
        // A body's turn usually lasts microseconds (up to its next await): a platform thread spins
        // that long before parking, so that the turn coming back costs no wake-up of this thread.
        // A virtual thread (a reactor run on one) parks at once: spinning would hold the carrier
        // the body could run on, and its park is a switch of continuations, not an OS wake-up.
        if (!Thread.currentThread().isVirtual()) {
            for (int spins = 0; bodyTurn && spins < SPINS_BEFORE_PARKING; spins++) {
                Thread.onSpinWait();
            }
        }
        while (bodyTurn) {
            LockSupport.park(this);
            interrupted |= Thread.interrupted(); // keep waiting: the body has the turn
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        deliverIfFinished();
    }

    private void runBody() {
        CURRENT.set(this);
        try {
            outcome = body.get();
        } catch (Throwable t) {
            if (Failure.isFatal(t)) {
                fatal = t;
            } else {
                outcome = new Failure(t);
            }
        } finally {
            finished = true;
            Thread waiting = resumer;
            bodyTurn = false;
            LockSupport.unpark(waiting);
        }
    }

    @SuppressWarnings({"unchecked", "NullAway"}) // NullAway: the body's T result, round-tripped as Object, is null only where T admits null
    private void deliverIfFinished() {
        if (!finished || delivered) {
            return;
        }
        delivered = true;
        if (fatal != null) {
            throw (Error) fatal;
        }
        Object value = outcome;
        outcome = null;
        if (value instanceof Failure failure) {
            result.errback(failure);
        } else if (value instanceof Deferred<?> returned) {
            returned.chainState().appendBoth(r -> {
                if (r instanceof Failure failure) {
                    result.errback(failure);
                } else {
                    result.callback((T) r);
                }
                return null;
            });
        } else {
            result.callback((T) value);
        }
    }

    private void cancelAwaited() {
        Deferred<Object> waitingOn = awaiting;
        if (waitingOn != null) {
            waitingOn.cancel();
        }
    }

    @SuppressWarnings("TypeParameterUnusedInFormals") // await returns what the awaited Deferred gives, typed by the caller
    static <T extends @Nullable Object> T await(Deferred<Object> d) {
        InlineCallbacks<?> task = CURRENT.get();
        if (task == null || task.finished) {
            throw new IllegalStateException("Deferred.await(" + d + ") was called outside the body of Deferred.async"
                    + " (on " + Thread.currentThread() + "): use addCallback here, or run this code in Deferred.async(reactor, () -> ...)");
        }
        return task.awaitInBody(d);
    }

    // NullAway: r is the awaited chain's R result, null only where R admits null.
    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals", "NullAway"}) // as await
    private <R extends @Nullable Object> R awaitInBody(Deferred<Object> d) {
        Object r;
        if (d.resultReady()) {
            r = d.takeResult(); // fired already: no parking, no hand-off
        } else {
            awaiting = d;
            d.appendBoth(resume);
            if (resumedWith == PENDING) {
                handBackAndWait();
            }
            awaiting = null;
            r = resumedWith;
            resumedWith = PENDING;
        }
        if (r instanceof Failure failure) {
            Throwable error = failure.value();
            if (error instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (error instanceof Error e) {
                throw e;
            }
            throw new CompletionException(error);
        }
        return (R) r;
    }

    /** The pair added to an awaited Deferred: hands the result to the body and lets it run. */
    private @Nullable Object resumeWith(@Nullable Object value) {
        resumedWith = value;
        if (Thread.currentThread() != thread) {
            takeTurn(wakeBody);
        }
        return null; // consumed, as Twisted's inlineCallbacks leave None behind
    }

    private void handBackAndWait() {
        Thread waiting = resumer;
        bodyTurn = false;
        LockSupport.unpark(waiting);
        while (!bodyTurn) {
            LockSupport.park(this);
        }
    }

    static boolean isInTurnOf(Thread thread) {
        InlineCallbacks<?> task = CURRENT.get();
        while (task != null && task.bodyTurn) {
            if (task.resumer == thread) {
                return true;
            }
            task = task.resumerTask;
        }
        return false;
    }

    @Override
    public String toString() {
        return "<async body on " + thread + " for " + reactor + ">";
    }
}
