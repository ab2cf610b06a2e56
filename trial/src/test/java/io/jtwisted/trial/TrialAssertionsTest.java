package io.jtwisted.trial;

import static io.jtwisted.trial.Trial.assertFailure;
import static io.jtwisted.trial.Trial.assertNoResult;
import static io.jtwisted.trial.Trial.failureResultOf;
import static io.jtwisted.trial.Trial.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * Port of twisted.trial.test.test_assertions.ResultOfAssertionsTests (all 19 cases:
 * test_withoutResult, test_successResultOfWithFailure[HasTraceback],
 * test_failureResultOfWithoutResult, test_failureResultOfWithSuccess,
 * test_failureResultOfWithWrongFailure[OneExpectedFailure[HasTB]|MultiExpectedFailures[HasTB]],
 * test_successResultOfWithSuccessResult, test_failureResultOfWith[Expected]FailureResult,
 * test_assertNoResult[Success|Failure|PropagatesSuccess|PropagatesLaterFailure|SwallowsImmediateFailure])
 * and of twisted.trial.test.test_asyncassertions (test_assertFailure, _wrongException,
 * _noException, _moreInfo). Not ported: ResultOfCoroutineAssertionsTests (Python coroutines have
 * no Java counterpart), test_assertFailure_masked (a TestCase-runner detail: here each
 * assertFailure is an ordinary Deferred the test awaits, so a wrong one fails the test directly).
 */
class TrialAssertionsTest {
    private final Object result = new Object();
    private final Failure failure = new Failure(new IllegalStateException("Bad times"));

    @Test
    void successResultOfWithoutResultFails() {
        assertThatThrownBy(() -> successResultOf(new Deferred<>()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("found no result instead");
    }

    @Test
    void successResultOfWithFailureFailsWithTheOriginalTraceback() {
        AssertionError error =
                catchThrowableOfType(AssertionError.class, () -> successResultOf(Deferred.fail(failure)));
        assertThat(error)
                .hasMessageContaining("found failure result instead")
                .hasMessageContaining(failure.getTraceback());
        assertThat(error.getCause()).isSameAs(failure.value());
    }

    @Test
    void failureResultOfWithoutResultFails() {
        assertThatThrownBy(() -> failureResultOf(new Deferred<>()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Failure result expected on");
    }

    @Test
    void failureResultOfWithSuccessFails() {
        assertThatThrownBy(() -> failureResultOf(Deferred.succeed(result)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("found success result (" + result + ") instead");
    }

    @Test
    void failureResultOfWithOneWrongTypeNamesItAndShowsTheTraceback() {
        assertThatThrownBy(() -> failureResultOf(Deferred.fail(failure), NoSuchElementException.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Failure of type (java.util.NoSuchElementException) expected on")
                .hasMessageContaining(failure.getTraceback());
    }

    @Test
    void failureResultOfWithSeveralWrongTypesNamesThemAllAndShowsTheTraceback() {
        assertThatThrownBy(
                        () -> failureResultOf(Deferred.fail(failure), NoSuchElementException.class, IOException.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(
                        "Failure of type (java.util.NoSuchElementException or java.io.IOException) expected on")
                .hasMessageContaining(failure.getTraceback());
    }

    @Test
    void successResultOfReturnsTheResult() {
        assertThat(successResultOf(Deferred.succeed(result))).isSameAs(result);
    }

    @Test
    void failureResultOfReturnsTheExpectedFailure() {
        assertThat(failureResultOf(Deferred.fail(failure), IllegalStateException.class, IOException.class))
                .isSameAs(failure);
        assertThat(failureResultOf(Deferred.fail(failure), RuntimeException.class))
                .as("subclasses match")
                .isSameAs(failure);
    }

    @Test
    void failureResultOfWithoutTypesReturnsAnyFailure() {
        assertThat(failureResultOf(Deferred.fail(failure))).isSameAs(failure);
    }

    @Test
    void failureResultOfHandlesTheFailure() {
        Deferred<Object> d = Deferred.fail(failure);
        failureResultOf(d);
        assertThat(d.currentResult()).isNull();
    }

    @Test
    void assertNoResultFailsOnASuccess() {
        assertThatThrownBy(() -> assertNoResult(Deferred.succeed(result)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("No result expected");
    }

    @Test
    void assertNoResultFailsOnAFailure() {
        assertThatThrownBy(() -> assertNoResult(Deferred.fail(failure))).isInstanceOf(AssertionError.class);
    }

    @Test
    void assertNoResultPassesWithoutResult() {
        assertNoResult(new Deferred<>());
    }

    @Test
    void assertNoResultPassesWhileWaitingOnAnotherDeferred() {
        Deferred<Object> inner = new Deferred<>();
        Deferred<Object> outer = Deferred.succeed(null).addCallbackDeferring(x -> inner);
        assertNoResult(outer);
        inner.callback(result);
        assertThat(successResultOf(outer)).isSameAs(result);
    }

    @Test
    void assertNoResultLeavesALaterSuccessAlone() {
        Deferred<Object> d = new Deferred<>();
        assertNoResult(d);
        d.callback(result);
        assertThat(successResultOf(d)).isSameAs(result);
    }

    @Test
    void assertNoResultLeavesALaterFailureAlone() {
        Deferred<Object> d = new Deferred<>();
        assertNoResult(d);
        d.errback(failure);
        assertThat(failureResultOf(d)).isSameAs(failure);
    }

    @Test
    void assertNoResultSwallowsAnImmediateFailure() {
        Deferred<Object> d = Deferred.fail(failure);
        assertThatThrownBy(() -> assertNoResult(d)).isInstanceOf(AssertionError.class);
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void assertFailureFiresWithTheExpectedException() {
        ArithmeticException boom = new ArithmeticException("/ by zero");
        Deferred<ArithmeticException> d = assertFailure(Deferred.fail(boom), ArithmeticException.class);
        assertThat(successResultOf(d)).isSameAs(boom);
    }

    @Test
    void assertFailureWithTheWrongExceptionFails() {
        Deferred<Object> d = Deferred.maybeDeferred(() -> 1 / zero());
        Deferred<IllegalArgumentException> checked = assertFailure(d, IllegalArgumentException.class);
        assertThat(failureResultOf(checked, AssertionError.class).value())
                .hasCauseInstanceOf(ArithmeticException.class);
    }

    @Test
    void assertFailureWithoutExceptionFails() {
        Deferred<ArithmeticException> checked = assertFailure(Deferred.succeed("fine"), ArithmeticException.class);
        assertThat(failureResultOf(checked, AssertionError.class).getErrorMessage())
                .isEqualTo("did not catch an error, instead got fine");
    }

    @Test
    void assertFailureMessageHasTheUnexpectedFailuresDetails() {
        Failure original = new Failure(new ArithmeticException("/ by zero"));
        Deferred<RuntimeException> checked =
                assertFailure(Deferred.fail(original), UnsupportedOperationException.class);
        String output = failureResultOf(checked, AssertionError.class).getErrorMessage();
        assertThat(output)
                .contains(original.getErrorMessage())
                .contains(original.getBriefTraceback())
                .contains("java.lang.UnsupportedOperationException");
    }

    private static int zero() {
        return 0;
    }
}
