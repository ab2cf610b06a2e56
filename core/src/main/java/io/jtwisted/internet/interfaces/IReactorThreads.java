package io.jtwisted.internet.interfaces;

import io.jtwisted.python.failure.ThrowingRunnable;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * Moving work between the reactor thread and other threads, as Twisted's
 * {@code IReactorThreads}.
 */
public interface IReactorThreads extends IReactor {
    /**
     * Runs {@code callable} on the reactor thread, soon, in the order calls were made. Safe from any
     * thread: this is the only way into the reactor from another thread. Calls made before the
     * reactor runs are kept until it does. An exception thrown by the callable is logged.
     */
    void callFromThread(ThrowingRunnable callable);

    /**
     * Runs {@code callable} on a thread of the reactor's pool ({@link #getThreadPool()}); an
     * exception it throws is logged. It must not touch the reactor except through
     * {@link #callFromThread}.
     */
    void callInThread(ThrowingRunnable callable);

    /**
     * The reactor's thread pool (created on first use, of daemon threads, 10 at most by default).
     * It is shut down during the reactor's shutdown; a later call creates a new one.
     */
    ExecutorService getThreadPool();

    /** Sets the maximum number of threads of the pool. */
    void suggestThreadPoolSize(int size);

    /**
     * True on the thread running the reactor, and on any thread while no thread runs it (the
     * program setting things up before {@code run()}), as Twisted's {@code threadable.isInIOThread}:
     * where the reactor's own methods and its transports' may be called.
     */
    boolean isInIOThread();

    /**
     * Detaches the thread pool, if one was created, and returns it (else {@code null}); the next
     * {@link #callInThread} creates a new one, and the caller shuts the returned pool down. For
     * trial's janitor, which must not let a busy pool leak into the next test (Twisted's trial
     * reaches the reactor's private {@code _stopThreadPool} for this).
     */
    @Nullable
    ExecutorService detachThreadPool();
}
