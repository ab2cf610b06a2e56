package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.assertNoResult;
import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.task.Clock;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Deferred.addTimeout with a deterministic Clock: port of twisted.test.test_defer.DeferredAddTimeoutTests.
 *
 * <p>Covered: test_timeoutChainable, test_successResultBeforeTimeout(Custom),
 * test_failureBeforeTimeout(Custom), test_timedOut, test_timedOutCustom,
 * test_timedOutProvidedCancelSuccess, test_timedOutProvidedCancelFailure,
 * test_cancelBeforeTimeout(Custom), test_providedCancelCalledBeforeTimeoutCustom,
 * test_errbackAddedBeforeTimeout(Custom), test_errbackAddedBeforeTimeoutSuppressesCancellation(Custom),
 * test_callbackAddedToCancelerBeforeTimeout(Custom). Not ported: none.
 */
class DeferredTimeoutTest {
    private static final Deferred.OnTimeoutCancel<Object> OVERRIDE = (result, timeout) -> "OVERRIDDEN";

    @Test
    void addTimeoutReturnsTheDeferredForChaining() {
        Deferred<Object> d = new Deferred<>();
        Deferred<String> done = d.addTimeout(5, new Clock()).addCallback(x -> "done");
        d.callback(null);
        assertThat(successResultOf(done)).isEqualTo("done");
    }

    @Test
    void successBeforeTimeoutCancelsTheTimer() {
        checkNoCancellationAfterSuccess(null);
        checkNoCancellationAfterSuccess(OVERRIDE);
    }

    private void checkNoCancellationAfterSuccess(Deferred.OnTimeoutCancel<Object> onTimeout) {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        d.addTimeout(10, clock, onTimeout);
        Deferred<Void> innerDeferred = new Deferred<>();
        List<Object> callbacked = new ArrayList<>();
        d.addCallbackDeferring(results -> {
            callbacked.add(results);
            return innerDeferred;
        });
        d.callback("results");
        assertThat(callbacked).containsExactly("results");
        assertThat(clock.getDelayedCalls()).isEmpty();
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    @Test
    void failureBeforeTimeoutCancelsTheTimer() {
        checkNoCancellationAfterFailure(null);
        checkNoCancellationAfterFailure(OVERRIDE);
    }

    private void checkNoCancellationAfterFailure(Deferred.OnTimeoutCancel<Object> onTimeout) {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        d.addTimeout(10, clock, onTimeout);
        Deferred<Object> innerDeferred = new Deferred<>();
        List<Failure> errbacked = new ArrayList<>();
        IllegalArgumentException error = new IllegalArgumentException("fail");
        d.addErrbackDeferring(f -> {
            errbacked.add(f);
            return innerDeferred;
        });
        d.errback(error);
        assertThat(errbacked).singleElement().extracting(Failure::value).isSameAs(error);
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    @Test
    void timeoutFailsWithTimeoutError() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        d.addTimeout(10, clock);
        assertNoResult(d);
        clock.advance(15);
        Failure failure = failureResultOf(d, TimeoutError.class);
        assertThat(((TimeoutError) failure.value()).timeout()).isEqualTo(10.0);
        assertThat(failure.getErrorMessage()).isEqualTo("Deferred timed out after 10 seconds");
    }

    @Test
    void timeoutCallsOnTimeoutCancelWhoseResultIsKept() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        List<Object> seen = new ArrayList<>();
        d.addTimeout(10, clock, (result, timeout) -> {
            seen.add(((Failure) result).type());
            seen.add(timeout);
            return "OVERRIDDEN";
        });
        assertNoResult(d);
        clock.advance(15);
        assertThat(successResultOf(d)).isEqualTo("OVERRIDDEN");
        assertThat(seen).containsExactly(CancelledError.class, 10.0);
    }

    @Test
    void customCancellersValueIsKeptOnTimeout() {
        Clock clock = new Clock();
        Deferred<String> d = new Deferred<>(c -> c.callback("I was cancelled!"));
        d.addTimeout(10, clock);
        assertNoResult(d);
        clock.advance(15);
        assertThat(successResultOf(d)).isEqualTo("I was cancelled!");
    }

    @Test
    void customCancellersFailureIsKeptOnTimeout() {
        Clock clock = new Clock();
        IllegalArgumentException error = new IllegalArgumentException("what!");
        Deferred<String> d = new Deferred<>(c -> c.errback(error));
        d.addTimeout(10, clock);
        clock.advance(15);
        assertThat(failureResultOf(d, IllegalArgumentException.class).value()).isSameAs(error);
        DeferredAssertions.swallow(d);
    }

    @Test
    void cancelBeforeTimeoutKeepsCancelledErrorAndNeverCallsOnTimeoutCancel() {
        checkCancelBeforeTimeout(null);
        checkCancelBeforeTimeout(OVERRIDE);
    }

    private void checkCancelBeforeTimeout(Deferred.OnTimeoutCancel<Object> onTimeout) {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        d.addTimeout(10, clock, onTimeout);
        Deferred<Object> innerDeferred = new Deferred<>();
        List<Failure> cancelled = new ArrayList<>();
        d.addErrbackDeferring(f -> {
            cancelled.add(f);
            return innerDeferred;
        });
        d.cancel();
        assertThat(cancelled).singleElement().extracting(Failure::type).isEqualTo(CancelledError.class);
        clock.advance(15);
        assertNoResult(innerDeferred);
    }

    @Test
    void onTimeoutCancelOverridesACustomCancellersFailure() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>(c -> c.errback(new IllegalArgumentException("what!")));
        d.addTimeout(10, clock, OVERRIDE);
        assertNoResult(d);
        clock.advance(15);
        assertThat(successResultOf(d)).isEqualTo("OVERRIDDEN");
    }

    @Test
    void errbackAddedBeforeTheTimeoutSeesCancelledErrorWhichBecomesTimeoutError() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        List<Failure> errbacked = new ArrayList<>();
        d.addErrback(f -> {
            errbacked.add(f);
            throw f.raiseException();
        });
        d.addTimeout(10, clock);
        clock.advance(15);
        assertThat(errbacked).singleElement().extracting(Failure::value).isInstanceOf(CancelledError.class);
        failureResultOf(d, TimeoutError.class);
        DeferredAssertions.swallow(d);
    }

    @Test
    void errbackAddedBeforeTheTimeoutMaySuppressTheCancellation() {
        Clock clock = new Clock();
        Deferred<Object> d = new Deferred<>();
        List<Failure> errbacked = new ArrayList<>();
        d.addErrback(f -> {
            errbacked.add(f);
            f.trap(CancelledError.class);
            return null;
        });
        d.addTimeout(10, clock);
        clock.advance(15);
        assertThat(errbacked).singleElement().extracting(Failure::value).isInstanceOf(CancelledError.class);
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void onTimeoutCancelRunsWhetherAnEarlierErrbackPassedOrSuppressedTheCancellation() {
        for (boolean suppress : new boolean[] {false, true}) {
            Clock clock = new Clock();
            Deferred<Object> d = new Deferred<>();
            List<Failure> errbacked = new ArrayList<>();
            d.addErrback(f -> {
                errbacked.add(f);
                if (!suppress) {
                    throw f.raiseException();
                }
                return null;
            });
            d.addTimeout(10, clock, OVERRIDE);
            clock.advance(15);
            assertThat(errbacked).singleElement().extracting(Failure::value).isInstanceOf(CancelledError.class);
            assertThat(successResultOf(d)).isEqualTo("OVERRIDDEN");
        }
    }

    @Test
    void callbackAddedBeforeTheTimeoutRunsWithTheCancellersValue() {
        Clock clock = new Clock();
        String success = "success";
        Deferred<String> d = new Deferred<>(c -> c.callback(success));
        List<String> callbacked = new ArrayList<>();
        d.addCallback(value -> {
            callbacked.add(value);
            return value;
        });
        d.addTimeout(10, clock);
        clock.advance(15);
        assertThat(callbacked).containsExactly(success);
        assertThat(successResultOf(d)).isSameAs(success);
    }

    @Test
    void callbackAddedBeforeTheTimeoutRunsAndOnTimeoutCancelToo() {
        Clock clock = new Clock();
        String success = "success";
        Deferred<Object> d = new Deferred<>(c -> c.callback(success));
        List<Object> callbacked = new ArrayList<>();
        d.addCallback(value -> {
            callbacked.add(value);
            return value;
        });
        d.addTimeout(10, clock, OVERRIDE);
        clock.advance(15);
        assertThat(callbacked).containsExactly(success);
        assertThat(successResultOf(d)).isEqualTo("OVERRIDDEN");
    }
}
