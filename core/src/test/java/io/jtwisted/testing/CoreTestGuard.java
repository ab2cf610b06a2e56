package io.jtwisted.testing;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IReactorCore;
import io.jtwisted.internet.interfaces.IReactorTime;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.python.failure.Failure;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

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
 *   <li>Dirty reactor: a reactor held in a field of the test instance that is not running must
 *       have no pending delayed call; those left are cancelled and named in the failure, as
 *       trial's {@code DirtyReactorAggregateError}.</li>
 * </ul>
 *
 * <p>The test classes of {@link #NOT_YET_CLEAN} still leave errors or calls behind (helpers that
 * fire a {@code Deferred<Failure>} with a connection's reason and never consume it, expected
 * errors never flushed): for them the findings go to the test's output file instead of failing
 * it, until each is cleaned and removed from the list. Every other core test class is held to
 * the checks.
 */
public final class CoreTestGuard implements BeforeEachCallback, AfterEachCallback, ILogObserver {
    private static final Object LOCK = new Object();
    static final Set<String> NOT_YET_CLEAN = Set.of(
            "io.jtwisted.internal.tcp.ConnectorTest",
            "io.jtwisted.internal.tcp.OutOfDescriptorsTest",
            "io.jtwisted.internal.stream.StreamTransportTest",
            "io.jtwisted.internal.tcp.TcpTransportTest",
            "io.jtwisted.internal.tcp.TwistedInteropTest",
            "io.jtwisted.internet.ReactorCoreTest",
            "io.jtwisted.internet.ReactorTimeTest");
    private static List<Failure> logged; // of the test running now; null between tests

    static {
        LogPublisher.globalLogPublisher().addObserver(new CoreTestGuard());
    }

    /**
     * Removes and returns the failures of the given types (all, when none is given) logged so
     * far by the running test, which then does not fail for them.
     */
    @SafeVarargs
    public static List<Failure> flushLoggedErrors(Class<? extends Throwable>... types) {
        List<Failure> flushed = new ArrayList<>();
        synchronized (LOCK) {
            if (logged == null) {
                return flushed;
            }
            for (Iterator<Failure> it = logged.iterator(); it.hasNext();) {
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
        List<String> dirty = cleanReactors(context.getTestInstance().orElse(null));
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
            AssertionError reactor = new AssertionError("Reactor was unclean. DelayedCalls: " + dirty);
            if (failure == null) {
                failure = reactor;
            } else {
                failure.addSuppressed(reactor);
            }
        }
        if (failure == null || context.getExecutionException().isPresent()) {
            return;
        }
        if (NOT_YET_CLEAN.contains(context.getRequiredTestClass().getName())) {
            System.err.println("CoreTestGuard (not enforced yet for this class): " + context.getDisplayName() + ": "
                    + failure.getMessage());
            return;
        }
        throw failure;
    }

    /** Cancels and names the pending delayed calls of the stopped reactors the test holds in fields. */
    private static List<String> cleanReactors(Object testInstance) throws IllegalAccessException {
        List<String> leftovers = new ArrayList<>();
        if (testInstance == null) {
            return leftovers;
        }
        for (Class<?> type = testInstance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !IReactorCore.class.isAssignableFrom(field.getType())
                        || !IReactorTime.class.isAssignableFrom(field.getType()) || !field.trySetAccessible()) {
                    continue;
                }
                Object value = field.get(testInstance);
                if (value instanceof IReactorCore reactor && value instanceof IReactorTime time && !reactor.running()) {
                    for (IDelayedCall call : time.getDelayedCalls()) {
                        if (call.active()) {
                            leftovers.add(call.toString());
                            call.cancel();
                        }
                    }
                }
            }
        }
        return leftovers;
    }
}
