package io.jtwisted.trial.unittest;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import io.jtwisted.trial.Trial;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Trial's {@code TestCase}, run by the {@code jtwisted-trial} JUnit Platform engine
 * ({@link io.jtwisted.trial.TrialTestEngine}), so a test can return its Deferred as in Twisted:
 *
 * <ul>
 *   <li>Every public, non-static, no-argument method whose name starts with {@code test} is a
 *       test (no annotation), run in name order on a new instance of the class. It may return
 *       nothing, a {@link Deferred} or a {@link java.util.concurrent.CompletionStage}: the
 *       engine then runs the global reactor until it fires. A failure fails the test with the
 *       original exception and its traceback; a Deferred still waiting after the
 *       {@linkplain Timeout timeout} (default {@value #DEFAULT_TIMEOUT_SECONDS} s) is cancelled
 *       and the test fails with a {@link io.jtwisted.internet.defer.TimeoutError}.
 *   <li>{@link #setUp()} runs before each test and {@link #tearDown()} after it; either may
 *       return a Deferred (or CompletionStage) that is waited for in the same way. When
 *       {@code setUp} fails, neither the test nor {@code tearDown} runs.
 *   <li>After {@code tearDown}, the same checks as {@link io.jtwisted.trial.TrialExtension}:
 *       a dirty reactor (pending delayed calls, open ports or connections, busy thread-pool
 *       threads) fails the test with a {@link io.jtwisted.trial.DirtyReactorAggregateError},
 *       and errors logged and not {@linkplain #flushLoggedErrors flushed} fail it with
 *       {@link io.jtwisted.trial.UnflushedLoggedErrors}.
 *   <li>{@link Skip @Skip("reason")} on a method or class skips it; {@link SkipTest} skips
 *       from inside the test.
 * </ul>
 *
 * <p>Maven Surefire and IDEs find these tests as they find JUnit Jupiter's (the engine is
 * registered with the JUnit Platform); a class selected by name, by package or by class-path
 * scan is run. Classes found by scanning must be top-level: a nested {@code TestCase} class
 * runs only when selected explicitly (which keeps test fixtures out of package runs). Tests of
 * this engine must not run in parallel: they share the global reactor and log publisher.
 */
public abstract class TestCase {
    /** The timeout, in seconds, of a test without {@link Timeout @Timeout}, as trial's. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 120;

    /** For subclasses; the engine makes one instance per test, with this no-argument constructor. */
    protected TestCase() {}

    /**
     * Runs before each test. Override it to prepare the test; return {@code null}, or a
     * {@link Deferred} (or CompletionStage) to make the test wait for it (a subclass may narrow
     * the return type, e.g. {@code public Deferred<Void> setUp()}).
     *
     * @return {@code null}, or what to wait for before the test runs
     * @throws Exception to fail the test without running it
     */
    public @Nullable Object setUp() throws Exception {
        return null;
    }

    /**
     * Runs after each test whose {@link #setUp()} succeeded, even when the test failed. Same
     * return convention as {@code setUp}.
     *
     * @return {@code null}, or what to wait for before the after-test checks
     * @throws Exception to fail the test
     */
    public @Nullable Object tearDown() throws Exception {
        return null;
    }

    /** As {@link Trial#flushLoggedErrors}: consumes the logged errors of these types (all when none). */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    protected final List<Failure> flushLoggedErrors(Class<? extends Throwable>... types) {
        return Trial.flushLoggedErrors(types);
    }

    /** As {@link Trial#successResultOf}: the success result {@code deferred} has now. */
    protected final <T> T successResultOf(Deferred<T> deferred) {
        return Trial.successResultOf(deferred);
    }

    /** As {@link Trial#failureResultOf}: the failure result {@code deferred} has now, of one of these types. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    protected final Failure failureResultOf(Deferred<?> deferred, Class<? extends Throwable>... expectedTypes) {
        return Trial.failureResultOf(deferred, expectedTypes);
    }

    /** As {@link Trial#assertNoResult}: {@code deferred} has no result now. */
    protected final void assertNoResult(Deferred<?> deferred) {
        Trial.assertNoResult(deferred);
    }

    /**
     * As {@link Trial#assertFailure}: a Deferred firing with the exception when {@code deferred}
     * fails with one of these types, failing otherwise. Return it from the test.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    protected final <E extends Throwable> Deferred<E> assertFailure(
            Deferred<?> deferred, Class<? extends E>... expectedTypes) {
        return Trial.assertFailure(deferred, expectedTypes);
    }
}
