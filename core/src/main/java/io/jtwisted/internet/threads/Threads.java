package io.jtwisted.internet.threads;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.python.failure.ThrowingSupplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Running blocking code off the reactor thread and reaching the reactor from other threads, as
 * Twisted's {@code twisted.internet.threads}.
 */
public final class Threads {
    private Threads() {}

    /**
     * Runs {@code callable} on the reactor's thread pool and returns a Deferred that fires, on the
     * reactor thread, with what it returned or a {@link Failure} of what it threw.
     */
    public static <T> Deferred<T> deferToThread(IReactorThreads reactor, ThrowingSupplier<? extends T> callable) {
        return deferToThreadPool(reactor, reactor.getThreadPool(), callable);
    }

    /** As {@link #deferToThread}, on the given {@code pool} instead of the reactor's. */
    public static <T> Deferred<T> deferToThreadPool(
            IReactorThreads reactor, Executor pool, ThrowingSupplier<? extends T> callable) {
        Deferred<T> deferred = new Deferred<>();
        pool.execute(() -> {
            T result;
            try {
                result = callable.get();
            } catch (Throwable error) {
                Failure.rethrowIfFatal(error);
                reactor.callFromThread(() -> deferred.errback(error));
                return;
            }
            reactor.callFromThread(() -> deferred.callback(result));
        });
        return deferred;
    }

    /**
     * Runs {@code callable} on the reactor thread and waits for its result, from another thread.
     * What it throws is thrown here.
     *
     * @throws IllegalStateException when called on the reactor thread (it would wait forever)
     */
    public static <T> T blockingCallFromThread(IReactorThreads reactor, ThrowingSupplier<? extends T> callable)
            throws Exception {
        return blockingCallFromThreadDeferring(reactor, () -> Deferred.<T>maybeDeferred(callable));
    }

    /**
     * Runs {@code callable}, which returns a Deferred, on the reactor thread, and waits for that
     * Deferred's result, from another thread. A failure is thrown here as its exception.
     *
     * @throws IllegalStateException when called on the reactor thread (it would wait forever)
     */
    public static <T> T blockingCallFromThreadDeferring(
            IReactorThreads reactor, ThrowingSupplier<? extends Deferred<? extends T>> callable) throws Exception {
        if (reactor.isInIOThread() && reactor instanceof IReactorCore core && core.running()) {
            throw new IllegalStateException("blockingCallFromThread must not be called in the reactor thread");
        }
        CompletableFuture<T> outcome = new CompletableFuture<>();
        reactor.callFromThread(() -> {
            Deferred<? extends T> deferred;
            try {
                deferred = callable.get();
            } catch (Throwable error) {
                outcome.completeExceptionally(error);
                return;
            }
            deferred.<@Nullable Object>addBoth(result -> {
                if (result instanceof Failure failure) {
                    outcome.completeExceptionally(failure.value());
                } else {
                    @SuppressWarnings("unchecked")
                    T value = (T) result;
                    outcome.complete(value);
                }
                return null;
            });
        });
        try {
            return outcome.get();
        } catch (ExecutionException wrapped) {
            Throwable cause = wrapped.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw (Error) cause;
        }
    }
}
