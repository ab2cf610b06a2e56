package io.jtwisted.internet.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;

/** Trial's successResultOf / failureResultOf / assertNoResult, for the tests of this package. */
final class Results {
    private Results() {}

    static Object successResultOf(Deferred<?> d) {
        assertThat(d.hasResult()).as("%s has a result", d).isTrue();
        Object result = d.currentResult();
        if (result instanceof Failure failure) {
            throw new AssertionError("expected a value from " + d + ", got " + failure.getTraceback());
        }
        return result;
    }

    @SafeVarargs
    @SuppressWarnings("varargs") // the types are only read (Failure.check), never stored or written
    static Failure failureResultOf(Deferred<?> d, Class<? extends Throwable>... expected) {
        assertThat(d.hasResult()).as("%s has a result", d).isTrue();
        Object result = d.currentResult();
        assertThat(result).as("result of %s", d).isInstanceOf(Failure.class);
        Failure failure = (Failure) result;
        if (expected.length > 0) {
            assertThat(failure.check(expected)).as("type of %s", failure).isNotNull();
        }
        // The failure is handled here: end the chain with a value so it is not reported unhandled.
        d.addErrback(f -> null);
        return failure;
    }

    static void assertNoResult(Deferred<?> d) {
        assertThat(d.hasResult()).as("%s has no result", d).isFalse();
    }
}
