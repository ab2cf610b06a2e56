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
    private static final ThreadFactory BODIES =
            Thread.ofVirtual().name("jtwisted-async-", 0).factory();
    private static final Object PENDING = new Object();
    // How long a resumer waiting for the body's turn to end spins before it parks: longer than
    // the usual turn (up to the body's next await: a microsecond or two), short against a wait
    // for the network. Spinning needs a second CPU for the body; 0 turns it off.
    private static final long SPIN_NANOS = Long.getLong("io.jtwisted.await.spinNanos", 10_000L);
    private static final boolean SPIN = SPIN_NANOS > 0 && Runtime.getRuntime().availableProcessors() > 1;
    private static final int SPINS_PER_CLOCK_READ = 16;

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
    // Set by a side before it parks and cleared after: the other side unparks it only then, so a
    // hand-off to a side that is still spinning costs no wake-up (no system call).
    private volatile boolean resumerParked;
    private volatile boolean bodyParked = true; // until it starts: the first turn starts its thread
    private final SpinBackoff resumerSpin = new SpinBackoff(); // the resumer's (whichever thread it is)

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
        boolean woke = bodyParked;
        if (woke) {
            wake.run();
        }
        // A body's turn usually lasts microseconds (up to its next await): this thread spins that
        // long before parking, so that the turn coming back costs no wake-up of it. A virtual
        // thread (a reactor run on one) that had to wake the body parks at once instead: the body
        // was queued on this carrier, and spinning would hold the carrier it is to run on.
        if (SPIN && !(woke && Thread.currentThread().isVirtual()) && resumerSpin.shouldSpin()) {
            resumerSpin.spun(spinWhileBodysTurn());
        }
        if (bodyTurn) {
            boolean interrupted = false;
            resumerParked = true;
            while (bodyTurn) {
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // keep waiting: the body has the turn
            }
            resumerParked = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        deliverIfFinished();
    }

    /** Spins up to {@link #SPIN_NANOS} while the body has the turn; true if it handed it back. */
    private boolean spinWhileBodysTurn() {
        long deadline = System.nanoTime() + SPIN_NANOS;
        do {
            for (int i = 0; i < SPINS_PER_CLOCK_READ; i++) {
                if (!bodyTurn) {
                    return true;
                }
                Thread.onSpinWait();
            }
        } while (System.nanoTime() - deadline < 0);
        return !bodyTurn;
    }

    private void runBody() {
        bodyParked = false;
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
            handBack();
        }
    }

    @SuppressWarnings({"unchecked", "NullAway"
    }) // NullAway: the body's T result, round-tripped as Object, is null only where T admits null
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

    @SuppressWarnings(
            "TypeParameterUnusedInFormals") // await returns what the awaited Deferred gives, typed by the caller
    static <T extends @Nullable Object> T await(Deferred<Object> d) {
        InlineCallbacks<?> task = CURRENT.get();
        if (task == null || task.finished) {
            throw new IllegalStateException("Deferred.await(" + d + ") was called outside the body of Deferred.async"
                    + " (on " + Thread.currentThread()
                    + "): use addCallback here, or run this code in Deferred.async(reactor, () -> ...)");
        }
        return task.awaitInBody(d);
    }

    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals", "NullAway"
    }) // as await; NullAway: r is the awaited R result, null only where R admits null
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

    /** Ends the body's turn: the resumer, spinning or parked, goes on. */
    private void handBack() {
        Thread waiting = resumer;
        bodyTurn = false;
        if (resumerParked) {
            LockSupport.unpark(waiting);
        }
    }

    // The body does not spin: holding its carrier would keep the scheduler from running the
    // reactor (when that is a virtual thread) or other bodies, and on a loaded machine a spinning
    // body measured slower than a parked one.
    private void handBackAndWait() {
        handBack();
        bodyParked = true;
        while (!bodyTurn) {
            LockSupport.park(this);
        }
        bodyParked = false;
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
