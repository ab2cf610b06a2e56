package io.jtwisted.python.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.defer.DeferredAssertions;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Failure, the error travelling down errback chains (the parts of twisted.test.test_failure
 * Twisted's howtos rely on: trap, check, getErrorMessage, getBriefTraceback, value/type), its
 * equality, and the fatal-error rule. The rest of test_failure (frame capture, cleanFailure,
 * pickling, tracebacks of generators) has no Java counterpart and is not ported.
 */
class FailureTest {
    @Test
    void trapReturnsTheFirstMatchingClass() {
        Failure failure = new Failure(new IllegalArgumentException("x"));
        assertThat(failure.trap(IOException.class, IllegalArgumentException.class, RuntimeException.class))
                .isEqualTo(IllegalArgumentException.class);
    }

    @Test
    void trapRethrowsTheSameExceptionWhenNothingMatches() {
        IOException error = new IOException("disk");
        Failure failure = new Failure(error);
        assertThatThrownBy(() -> failure.trap(IllegalStateException.class)).isSameAs(error);
    }

    @Test
    void checkReturnsNullWhenNothingMatches() {
        Failure failure = new Failure(new IOException());
        assertThat(failure.check(IllegalStateException.class)).isNull();
        assertThat(failure.check(Exception.class)).isEqualTo(Exception.class);
    }

    @Test
    void accessorsDescribeTheWrappedException() {
        IllegalStateException error = new IllegalStateException("bang!");
        Failure failure = new Failure(error);
        assertThat(failure.value()).isSameAs(error);
        assertThat(failure.type()).isEqualTo(IllegalStateException.class);
        assertThat(failure.getErrorMessage()).isEqualTo("bang!");
        assertThat(failure.getBriefTraceback()).isEqualTo("java.lang.IllegalStateException: bang!");
        assertThat(failure.getTraceback()).contains("accessorsDescribeTheWrappedException");
        assertThat(failure).hasToString("[Failure instance: java.lang.IllegalStateException: bang!]");
    }

    @Test
    void errorMessageFallsBackToTheClassName() {
        assertThat(new Failure(new IllegalStateException()).getErrorMessage())
                .isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void raiseExceptionThrowsTheWrappedExceptionEvenWhenChecked() {
        IOException error = new IOException("checked");
        assertThatThrownBy(() -> {
                    throw new Failure(error).raiseException();
                })
                .isSameAs(error);
    }

    @Test
    void ofWrapsThrowablesAndKeepsFailures() {
        Failure failure = new Failure(new IOException());
        assertThat(Failure.of(failure)).isSameAs(failure);
        assertThat(Failure.of(new IOException()).type()).isEqualTo(IOException.class);
        assertThatThrownBy(() -> Failure.of("text")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trappedFailureInAnErrbackReachesTheNextErrbackWithTheSameException() {
        IOException error = new IOException("disk");
        Deferred<String> d = Deferred.fail(error);
        d.addErrback(f -> {
            f.trap(IllegalStateException.class);
            return "handled";
        });
        Failure passedOn = DeferredAssertions.failureResultOf(d, IOException.class);
        assertThat(passedOn.value()).isSameAs(error);
        DeferredAssertions.swallow(d);
    }

    @Test
    void failuresCarryingTheSameExceptionAreEqual() {
        IllegalStateException error = new IllegalStateException("x");
        Failure failure = new Failure(error);
        assertThat(new Failure(error)).isEqualTo(failure).hasSameHashCodeAs(failure);
        assertThat(Failure.of(error)).isEqualTo(failure);
    }

    @Test
    void failuresCarryingEqualLookingButDistinctExceptionsDiffer() {
        assertThat(new Failure(new IllegalStateException("x")))
                .isNotEqualTo(new Failure(new IllegalStateException("x")));
        assertThat(new Failure(new IllegalStateException("x"))).isNotEqualTo("x");
    }

    @Test
    void fatalErrorsAreRethrownInsteadOfWrapped() {
        OutOfMemoryError oom = new OutOfMemoryError("test");
        assertThatThrownBy(() -> new Failure(oom)).isSameAs(oom);
        assertThatThrownBy(() -> Failure.rethrowIfFatal(oom)).isSameAs(oom);
        InternalError internal = new InternalError("test");
        assertThatThrownBy(() -> Failure.of(internal)).isSameAs(internal);
        assertThat(Failure.isFatal(oom)).isTrue();
    }

    @Test
    void stackOverflowAndOrdinaryErrorsAreNotFatal() {
        StackOverflowError overflow = new StackOverflowError();
        assertThat(Failure.isFatal(overflow)).isFalse();
        assertThat(new Failure(overflow).value()).isSameAs(overflow);
        AssertionError assertion = new AssertionError("x");
        assertThat(Failure.rethrowIfFatal(assertion)).isSameAs(assertion);
    }

    @Test
    void fatalErrorInACallbackLeavesTheChainThroughCallback() {
        Deferred<Integer> d = new Deferred<>();
        OutOfMemoryError oom = new OutOfMemoryError("test");
        d.addCallback(x -> {
            throw oom;
        });
        assertThatThrownBy(() -> d.callback(1)).isSameAs(oom);
    }

    @Test
    void fatalErrorInMaybeDeferredIsNotWrapped() {
        OutOfMemoryError oom = new OutOfMemoryError("test");
        assertThatThrownBy(() -> Deferred.maybeDeferred(() -> {
                    throw oom;
                }))
                .isSameAs(oom);
    }

    @Test
    void stackOverflowInACallbackBecomesTheChainsFailure() {
        Deferred<Integer> d = new Deferred<>();
        d.addCallback(x -> {
            throw new StackOverflowError("deep");
        });
        d.callback(1);
        Failure[] seen = new Failure[1];
        d.addErrback(f -> {
            seen[0] = f;
            return null;
        });
        assertThat(seen[0].value()).isInstanceOf(StackOverflowError.class);
    }
}
