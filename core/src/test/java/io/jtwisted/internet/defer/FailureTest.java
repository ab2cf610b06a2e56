package io.jtwisted.internet.defer;

import io.jtwisted.python.failure.Failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Failure, the error travelling down errback chains (the parts of twisted.test.test_failure the
 * seed relies on: trap, check, getErrorMessage, getBriefTraceback, value/type). The rest of
 * test_failure (frame capture, cleanFailure, pickling, tracebacks of generators) has no Java
 * counterpart and is not ported.
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
        assertThat(new Failure(new IllegalStateException()).getErrorMessage()).isEqualTo("java.lang.IllegalStateException");
    }

    @Test
    void raiseExceptionThrowsTheWrappedExceptionEvenWhenChecked() {
        IOException error = new IOException("checked");
        assertThatThrownBy(() -> {
            throw new Failure(error).raiseException();
        }).isSameAs(error);
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
}
