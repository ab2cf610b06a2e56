package io.jtwisted.internet.defer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jtwisted.python.failure.Failure;

/** successResultOf / failureResultOf / assertNoResult for core's own tests (trial depends on core). */
public final class DeferredAssertions {
    private DeferredAssertions() {}

    /** The value {@code d} holds now; fails when it has none or holds a Failure. */
    @SuppressWarnings("unchecked")
    public static <T> T successResultOf(Deferred<T> d) {
        if (!d.hasResult()) {
            fail("expected a result, %s has none", d);
        }
        Object result = d.currentResult();
        if (result instanceof Failure failure) {
            fail("expected a success, got %s", failure.getTraceback());
        }
        return (T) result;
    }

    /**
     * The Failure {@code d} holds now, which must be an instance of one of {@code types}; the
     * chain goes on with {@code null}, as after trial's {@code failureResultOf}.
     */
    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    public static Failure failureResultOf(Deferred<?> d, Class<? extends Throwable>... types) {
        if (!d.hasResult()) {
            fail("expected a failure, %s has no result", d);
        }
        Object result = d.currentResult();
        if (!(result instanceof Failure failure)) {
            throw new AssertionError("expected a failure, got " + result);
        }
        if (types.length > 0 && failure.check(types) == null) {
            fail("unexpected failure %s", failure.getTraceback());
        }
        d.addErrback(f -> null); // taken, as trial's failureResultOf takes it: not an unhandled error
        return failure;
    }

    public static void assertNoResult(Deferred<?> d) {
        assertThat(d.hasResult()).as("%s has a result", d).isFalse();
    }

    /** Consumes a failure left in {@code d} so it is not reported as unhandled. */
    public static void swallow(Deferred<?> d) {
        d.addErrback(f -> null);
    }
}
