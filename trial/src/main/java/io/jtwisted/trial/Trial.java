package io.jtwisted.trial;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Trial's assertions on {@link Deferred}s, as Twisted's {@code TestCase.successResultOf},
 * {@code failureResultOf}, {@code assertNoResult} and {@code assertFailure}. They fail with an
 * {@link AssertionError} whose message holds the original traceback when a failure was found.
 *
 * <p>Use with {@code import static io.jtwisted.trial.Trial.*;}. The assertions look at a
 * Deferred as it is now and never run a reactor: drive time with a {@code Clock} and I/O with a
 * {@code StringTransport} so the Deferred has fired by the time you ask. {@link #await} and
 * {@link #flushLoggedErrors} need a test run with {@link TrialExtension}, or a
 * {@link io.jtwisted.trial.unittest.TestCase} test (run by {@link TrialTestEngine}).
 */
public final class Trial {
    private Trial() {}

    /**
     * The current success result of {@code deferred}, which must have fired and reached the end
     * of its chain with a value. As in Twisted, the result is taken: the chain goes on with
     * {@code null}.
     *
     * @throws AssertionError if {@code deferred} has no result yet, or has a failure (whose
     *     traceback is in the message; the failure is then handled, not logged as unhandled)
     */
    public static <T extends @Nullable Object> T successResultOf(Deferred<T> deferred) {
        Object result = takeResult(deferred, "Success");
        if (result instanceof Failure failure) {
            AssertionError error = new AssertionError("Success result expected on " + deferred
                    + ", found failure result instead:\n" + failure.getTraceback());
            error.initCause(failure.value());
            throw error;
        }
        return ReactorDriver.valueOf(deferred, result);
    }

    /**
     * The current failure result of {@code deferred}, which must have fired and reached the end
     * of its chain with a {@link Failure}; when {@code expectedTypes} are given, the failure must
     * be of one of them. The failure is taken (the chain goes on with {@code null}), so it is not
     * logged as unhandled.
     *
     * @throws AssertionError if {@code deferred} has no result, a success result, or a failure of
     *     another type (with its traceback in the message)
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    public static Failure failureResultOf(Deferred<?> deferred, Class<? extends Throwable>... expectedTypes) {
        Object result = takeResult(deferred, "Failure");
        if (!(result instanceof Failure failure)) {
            throw new AssertionError(
                    "Failure result expected on " + deferred + ", found success result (" + result + ") instead");
        }
        if (expectedTypes.length > 0 && failure.check(expectedTypes) == null) {
            AssertionError error = new AssertionError("Failure of type (" + names(expectedTypes) + ") expected on "
                    + deferred + ", found type " + failure.type().getName() + " instead: " + failure.getTraceback());
            error.initCause(failure.value());
            throw error;
        }
        return failure;
    }

    /**
     * Asserts that {@code deferred} has no result now (it has not fired, or waits on another
     * Deferred). When it holds, the Deferred is left untouched; when it fails, a failure result
     * is handled (the chain goes on with {@code null}) since the assertion reports it.
     *
     * @throws AssertionError if {@code deferred} has a result
     */
    public static void assertNoResult(Deferred<?> deferred) {
        if (!deferred.hasResult()) {
            return;
        }
        Object result = deferred.currentResult();
        String description = deferred.toString();
        if (result instanceof Failure) {
            ReactorDriver.handleFailure(deferred);
        }
        throw new AssertionError("No result expected on " + description + ", found " + result + " instead");
    }

    /**
     * Adds to {@code deferred} a check that it fails with one of {@code expectedTypes}: the
     * returned Deferred (the same object) fires with the exception when it does, and fails with
     * an {@link AssertionError} when it succeeds or fails otherwise (its message holds the
     * unexpected failure's traceback). Await or return the result for the check to count.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    public static <E extends Throwable> Deferred<E> assertFailure(
            Deferred<?> deferred, Class<? extends E>... expectedTypes) {
        return deferred.addCallbacks(
                value -> {
                    throw new AssertionError("did not catch an error, instead got " + value);
                },
                failure -> {
                    Class<? extends Throwable> match = failure.check(expectedTypes);
                    if (match == null) {
                        AssertionError error = new AssertionError("\nExpected: [" + names(expectedTypes) + "]\nGot:\n"
                                + failure + "\n" + failure.getTraceback());
                        error.initCause(failure.value());
                        throw error;
                    }
                    @SuppressWarnings("unchecked")
                    E expected = (E) failure.value();
                    return expected;
                });
    }

    /**
     * Runs the global reactor on this thread until {@code deferred} fires, then returns its
     * result, or throws the original exception of a failure result (unchanged, with its own
     * traceback; the failure is then handled). This is how a JUnit test "returns a Deferred".
     *
     * @throws io.jtwisted.internet.defer.TimeoutError if it has not fired within the test's
     *     timeout ({@code @Timeout}, else {@value TrialExtension#DEFAULT_TIMEOUT_SECONDS} s); the
     *     Deferred is then cancelled
     * @throws IllegalStateException outside a test run with {@link TrialExtension}, or when the
     *     reactor is already running
     */
    public static <T extends @Nullable Object> T await(Deferred<T> deferred) {
        return await(Reactor.reactor, deferred);
    }

    /**
     * As {@link #await(Deferred)}, running {@code reactor} (for a test that made its own with
     * {@link Reactor#create()}); that reactor is then checked for leftovers after the test too.
     */
    public static <T extends @Nullable Object> T await(Reactor reactor, Deferred<T> deferred) {
        TrialContext context = TrialContext.require("Trial.await");
        context.used(reactor);
        return ReactorDriver.await(reactor, deferred, context.timeoutSeconds());
    }

    /**
     * Runs the global reactor until {@code stage} completes (on any thread), then returns its
     * value or throws the exception it completed with. Same timeout as {@link #await(Deferred)}.
     */
    public static <T extends @Nullable Object> T await(CompletionStage<T> stage) {
        return await(Reactor.reactor, stage);
    }

    /** As {@link #await(CompletionStage)}, running {@code reactor}. */
    public static <T extends @Nullable Object> T await(Reactor reactor, CompletionStage<T> stage) {
        TrialContext context = TrialContext.require("Trial.await");
        context.used(reactor);
        return ReactorDriver.await(reactor, stage, context.timeoutSeconds());
    }

    /**
     * Removes from the current test's record the logged errors of the given types (all of them
     * when no type is given) and returns them, so they do not fail the test. Call it after the
     * code that logs them has run, as in trial.
     *
     * @throws IllegalStateException outside a test run with {@link TrialExtension}
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    public static List<Failure> flushLoggedErrors(Class<? extends Throwable>... types) {
        return TrialContext.require("Trial.flushLoggedErrors").flush(types);
    }

    private static @Nullable Object takeResult(Deferred<?> deferred, String expected) {
        if (!deferred.hasResult()) {
            throw new AssertionError(expected + " result expected on " + deferred + ", found no result instead");
        }
        @Nullable Object[] taken = new @Nullable Object[1];
        // A failure result passes to the errback half: returning null from it marks it handled.
        deferred.<@Nullable Object>addBoth(result -> {
            taken[0] = result;
            return null;
        });
        return taken[0];
    }

    private static String names(Class<?>[] types) {
        return Arrays.stream(types).map(Class::getName).collect(Collectors.joining(" or "));
    }
}
