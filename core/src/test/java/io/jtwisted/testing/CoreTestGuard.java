package io.jtwisted.testing;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IFileDescriptor;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorFDSet;
import io.jtwisted.internet.interfaces.IReactorThreads;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.python.failure.Failure;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestInstances;

/**
 * The after-test checks trial gives its users, for core's own tests (core cannot use trial,
 * which depends on it). Registered for every test class of core through JUnit's extension
 * autodetection: src/test/resources/META-INF/services names it, and core's surefire
 * configuration switches autodetection on.
 *
 * <ul>
 *   <li>Logged errors: every log event carrying a failure while a test runs (including the
 *       "Unhandled error in Deferred" reports, which {@link Deferred#logUnhandledErrors()} makes
 *       prompt at the end of each test) fails that test, unless the test took it with
 *       {@link #flushLoggedErrors}, as trial's {@code flushLoggedErrors}.</li>
 *   <li>Dirty reactor: the global reactor and every reactor held in a field of the test
 *       instance must not be left running, and must have no pending delayed call and no registered
 *       descriptor (open port, connection, connection attempt) and no work still running in
 *       its thread pool; those left are cancelled, removed and closed, or interrupted, and
 *       named in the failure, as trial's {@code DirtyReactorAggregateError}. The pool is
 *       detached after every test, so none of a test's work reaches the next.</li>
 * </ul>
 *
 */
public final class CoreTestGuard implements BeforeEachCallback, AfterEachCallback, ILogObserver {
    private static final Object LOCK = new Object();
    /** How long work in a reactor's thread pool gets to finish after the test. */
    private static final long POOL_GRACE_MILLIS = 500;

    private static List<Failure> logged; // of the test running now; null between tests

    static {
        LogPublisher.globalLogPublisher().addObserver(new CoreTestGuard());
    }

    /**
     * Removes and returns the failures of the given types (all, when none is given) logged so
     * far by the running test, which then does not fail for them.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    public static List<Failure> flushLoggedErrors(Class<? extends Throwable>... types) {
        List<Failure> flushed = new ArrayList<>();
        synchronized (LOCK) {
            if (logged == null) {
                return flushed;
            }
            for (Iterator<Failure> it = logged.iterator(); it.hasNext(); ) {
                Failure failure = it.next();
                if (types.length == 0 || failure.check(types) != null) {
                    flushed.add(failure);
                    it.remove();
                }
            }
        }
        return flushed;
    }

    /** Removes {@code failure} from the running test's logged errors: a test helper that captured it took it. */
    public static void flushLoggedError(Failure failure) {
        synchronized (LOCK) {
            if (logged != null) {
                logged.remove(failure);
            }
        }
    }

    @Override
    public void observe(LogEvent event) {
        if (event.failure() == null) {
            return;
        }
        synchronized (LOCK) {
            if (logged != null) {
                logged.add(event.failure());
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Deferred.logUnhandledErrors(); // what earlier code left is reported now, outside any test
        synchronized (LOCK) {
            logged = new ArrayList<>();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IllegalAccessException {
        Leftovers dirty = cleanReactors(
                context.getTestInstances().map(TestInstances::getAllInstances).orElse(List.of()));
        Deferred.logUnhandledErrors(); // this test's unhandled failures, reported while it is current
        List<Failure> unflushed;
        synchronized (LOCK) {
            unflushed = logged;
            logged = null;
        }
        AssertionError failure = null;
        if (unflushed != null && !unflushed.isEmpty()) {
            StringBuilder message = new StringBuilder(unflushed.size() + " error(s) logged and not flushed"
                    + " (CoreTestGuard.flushLoggedErrors takes the expected ones):");
            for (Failure f : unflushed) {
                message.append("\n").append(f.getTraceback());
            }
            failure = new AssertionError(message.toString());
        }
        if (!dirty.isEmpty()) {
            AssertionError reactor = new AssertionError(dirty.toString());
            if (failure == null) {
                failure = reactor;
            } else {
                failure.addSuppressed(reactor);
            }
        }
        if (failure == null || context.getExecutionException().isPresent()) {
            return;
        }
        throw failure;
    }

    /**
     * Cleans the reactors the test uses (the global one and those held in fields of the test
     * instances, the enclosing ones of a nested test included), as trial's janitor: cancels the
     * pending delayed calls, removes the descriptors still registered (ports, connections,
     * connection attempts) and closes them, and detaches the thread pool, naming everything it
     * had to clean. A reactor still running is named and left alone.
     */
    static Leftovers cleanReactors(List<Object> testInstances) throws IllegalAccessException {
        Leftovers leftovers = new Leftovers();
        IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();
        clean(Reactor.reactor, leftovers, seen);
        for (Object instance : testInstances) {
            for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers())
                            || !IReactorCore.class.isAssignableFrom(field.getType())
                            || !field.trySetAccessible()) {
                        continue;
                    }
                    clean(field.get(instance), leftovers, seen);
                }
            }
        }
        return leftovers;
    }

    private static void clean(Object value, Leftovers leftovers, IdentityHashMap<Object, Boolean> seen) {
        if (!(value instanceof IReactorCore reactor) || seen.put(value, Boolean.TRUE) != null) {
            return;
        }
        if (reactor.running()) {
            // Left running (on another thread) after the test: nothing here may touch it.
            leftovers.selectables.add(value + " is still running");
            return;
        }
        if (value instanceof IReactorTime time) {
            for (IDelayedCall call : time.getDelayedCalls()) {
                if (call.active()) {
                    leftovers.delayedCalls.add(call.toString());
                    call.cancel();
                }
            }
        }
        if (value instanceof IReactorFDSet fds) {
            List<IFileDescriptor> left = fds.removeAll();
            for (IFileDescriptor descriptor : left) {
                leftovers.selectables.add(String.valueOf(descriptor));
                descriptor.connectionLost(new Failure(new ConnectionLost("closed by CoreTestGuard after the test")));
            }
            if (!left.isEmpty()) {
                reactor.iterate(0); // deregisters the cancelled keys
            }
        }
        if (value instanceof IReactorThreads threads) {
            cleanThreadPool(threads, leftovers);
        }
    }

    /**
     * Detaches the reactor's thread pool so that no work of this test runs into the next; work
     * still running after a short grace is the test's leak, and is interrupted.
     */
    private static void cleanThreadPool(IReactorThreads reactor, Leftovers leftovers) {
        ExecutorService pool = reactor.detachThreadPool();
        if (pool == null) {
            return;
        }
        pool.shutdown();
        boolean ended;
        try {
            ended = pool.awaitTermination(POOL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ended = false;
        }
        if (!ended) {
            leftovers.threads.add(
                    pool instanceof ThreadPoolExecutor executor
                            ? executor.getActiveCount() + " thread(s) of the reactor's pool still busy, "
                                    + executor.getQueue().size() + " task(s) queued"
                            : "the reactor's thread pool is still busy");
            pool.shutdownNow();
        }
    }

    /** What a test left in its reactors. */
    static final class Leftovers {
        final List<String> delayedCalls = new ArrayList<>();
        final List<String> selectables = new ArrayList<>();
        final List<String> threads = new ArrayList<>();

        boolean isEmpty() {
            return delayedCalls.isEmpty() && selectables.isEmpty() && threads.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("Reactor was unclean.");
            if (!delayedCalls.isEmpty()) {
                text.append(" DelayedCalls: ").append(delayedCalls);
            }
            if (!selectables.isEmpty()) {
                text.append(" Selectables: ").append(selectables);
            }
            if (!threads.isEmpty()) {
                text.append(" Threads: ").append(threads);
            }
            return text.toString();
        }
    }
}
