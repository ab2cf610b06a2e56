package io.jtwisted.internet.defer;

import io.jtwisted.python.failure.ThrowingSupplier;
import org.jspecify.annotations.Nullable;

/**
 * What {@link DeferredLock} and {@link DeferredSemaphore} share: {@code acquire}, {@code release},
 * and {@code run}, which calls a function once acquired and releases when its result is in.
 */
public sealed interface ConcurrencyPrimitive permits DeferredLock, DeferredSemaphore {
    /** A Deferred that fires with this primitive once it is acquired; cancelling it while waiting gives up the place. */
    Deferred<? extends ConcurrencyPrimitive> acquire();

    /** Gives back what {@link #acquire()} took, letting the next waiter in. */
    void release();

    /**
     * Acquires, then calls {@code f}; releases once its result (or failure) is in, and fires the
     * returned Deferred with that outcome.
     */
    default <T extends @Nullable Object> Deferred<T> run(ThrowingSupplier<? extends T> f) {
        return acquire()
                .addCallbackDeferring(ignored -> Deferred.<T>maybeDeferred(f).addBoth(this::releaseAndReturn));
    }

    /** As {@link #run}, for a function that returns a Deferred: the release waits for it. */
    default <T extends @Nullable Object> Deferred<T> runDeferring(ThrowingSupplier<? extends Deferred<? extends T>> f) {
        return acquire()
                .addCallbackDeferring(
                        ignored -> Deferred.<T>maybeDeferredDeferring(f).addBoth(this::releaseAndReturn));
    }

    @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals", "NullAway"
    }) // passes the chain's T result on: null only where T admits null
    private <T extends @Nullable Object> T releaseAndReturn(@Nullable Object resultOrFailure) {
        release();
        // A Failure returned here keeps the chain on its errback path.
        return (T) resultOrFailure;
    }
}
