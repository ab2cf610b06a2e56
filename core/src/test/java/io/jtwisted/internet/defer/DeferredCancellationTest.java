package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Firing once and cancelling: port of twisted.test.test_defer.AlreadyCalledTests and
 * DeferredCancellerTests.
 *
 * <p>Covered: testAlreadyCalled_CC, _CE, _EE, _EC; test_noCanceller, test_raisesAfterCancelAndCallback,
 * test_raisesAfterCancelAndErrback, test_noCancellerMultipleCancelsAfterCancelAndCallback,
 * test_noCancellerMultipleCancelsAfterCancelAndErrback, test_noCancellerMultipleCancel,
 * test_cancellerMultipleCancel, test_simpleCanceller, test_cancellerArg, test_cancelAfterCallback,
 * test_cancelAfterErrback, test_cancellerThatErrbacks, test_cancellerThatCallbacks,
 * test_cancelNestedDeferred; and a canceller that raises, whose exception leaves {@code cancel()}
 * as it does in Twisted (Twisted's suite has no case of its own for it).
 *
 * <p>Not ported: testAlreadyCalledDebug_* , testNoDebugging, testSwitchDebugging (Twisted's debug
 * mode records creator/invoker stacks; JTwisted has no debug mode: the AlreadyCalledError names
 * the Deferred and its stack trace shows the second caller).
 */
class DeferredCancellationTest {
    private String callbackResult;
    private Failure errbackResult;
    private int cancellerCallCount;

    @AfterEach
    void cancellerRanAtMostOnce() {
        assertThat(cancellerCallCount).isBetween(0, 1);
    }

    /** Records what {@code d} fires with; returns {@code d} (addBoth may go through any reference). */
    private <T> Deferred<T> watched(Deferred<T> d) {
        d.addBoth(result -> {
            if (result instanceof Failure failure) {
                errbackResult = failure;
                return null;
            }
            callbackResult = String.valueOf(result);
            return result;
        });
        return d;
    }

    @Test
    void secondCallbackRaisesAlreadyCalledError() {
        Deferred<String> d = new Deferred<>();
        d.callback("a");
        assertThatThrownBy(() -> d.callback("b")).isInstanceOf(AlreadyCalledError.class);
        assertThatThrownBy(() -> d.errback(new RuntimeException())).isInstanceOf(AlreadyCalledError.class);
        assertThat(successResultOf(d)).isEqualTo("a");
    }

    @Test
    void secondErrbackRaisesAlreadyCalledError() {
        Deferred<String> d = new Deferred<>();
        d.errback(new IllegalStateException("first"));
        assertThatThrownBy(() -> d.errback(new RuntimeException())).isInstanceOf(AlreadyCalledError.class);
        assertThatThrownBy(() -> d.callback("b")).isInstanceOf(AlreadyCalledError.class);
        failureResultOf(d, IllegalStateException.class);
        DeferredAssertions.swallow(d);
    }

    @Test
    void cancelWithoutCancellerFailsWithCancelledError() {
        Deferred<String> d = watched(new Deferred<>());
        d.cancel();
        assertThat(errbackResult.type()).isEqualTo(CancelledError.class);
        assertThat(callbackResult).isNull();
    }

    @Test
    void oneCallbackAfterCancelWithoutCancellerIsANoOpButASecondRaises() {
        Deferred<String> d = watched(new Deferred<>());
        d.cancel();
        d.callback("completed");
        assertThat(callbackResult).isNull();
        assertThatThrownBy(() -> d.callback("again")).isInstanceOf(AlreadyCalledError.class);
        assertThatThrownBy(() -> d.errback(new RuntimeException())).isInstanceOf(AlreadyCalledError.class);
    }

    @Test
    void oneErrbackAfterCancelWithoutCancellerIsANoOpButASecondRaises() {
        Deferred<String> d = watched(new Deferred<>());
        d.cancel();
        d.errback(new RuntimeException());
        assertThat(errbackResult.type()).isEqualTo(CancelledError.class);
        assertThatThrownBy(() -> d.callback(null)).isInstanceOf(AlreadyCalledError.class);
        assertThatThrownBy(() -> d.errback(new RuntimeException())).isInstanceOf(AlreadyCalledError.class);
    }

    @Test
    void cancelsAfterTheAbsorbedCallbackAreIgnored() {
        Deferred<String> d = watched(new Deferred<>());
        d.cancel();
        Failure current = errbackResult;
        d.callback(null);
        d.cancel();
        assertThat(errbackResult).isSameAs(current);
    }

    @Test
    void cancelsAfterTheAbsorbedErrbackAreIgnored() {
        Deferred<String> d = watched(new Deferred<>());
        d.cancel();
        Failure current = errbackResult;
        d.errback(new RuntimeException());
        assertThat(errbackResult.type()).isEqualTo(CancelledError.class);
        d.cancel();
        assertThat(errbackResult).isSameAs(current);
    }

    @Test
    void cancellingTwiceWithoutCancellerFailsOnce() {
        Deferred<String> d = watched(new Deferred<>());
        d.cancel();
        Failure current = errbackResult;
        d.cancel();
        assertThat(errbackResult).isSameAs(current);
    }

    @Test
    void cancellerThatDoesNotFireRunsOnceAndCancelledErrorFollows() {
        Deferred<String> d = watched(new Deferred<>(x -> cancellerCallCount++));
        d.cancel();
        assertThat(errbackResult.type()).isEqualTo(CancelledError.class);
        Failure current = errbackResult;
        d.cancel();
        assertThat(errbackResult).isSameAs(current);
        assertThat(cancellerCallCount).isEqualTo(1);
    }

    @Test
    void callbackAfterCancelWithCancellerRaises() {
        Deferred<String> d = watched(new Deferred<>(x -> cancellerCallCount++));
        d.cancel();
        assertThat(cancellerCallCount).isEqualTo(1);
        assertThat(errbackResult.type()).isEqualTo(CancelledError.class);
        assertThatThrownBy(() -> d.callback(null)).isInstanceOf(AlreadyCalledError.class);
        assertThatThrownBy(() -> d.errback(new RuntimeException())).isInstanceOf(AlreadyCalledError.class);
    }

    @Test
    void cancellerReceivesTheCancelledDeferred() {
        List<Deferred<?>> seen = new ArrayList<>();
        Deferred<String> d = watched(new Deferred<>(seen::add));
        d.cancel();
        assertThat(seen).containsExactly(d);
    }

    @Test
    void cancelAfterCallbackDoesNothing() {
        Deferred<String> d = watched(new Deferred<>(x -> {
            cancellerCallCount++;
            x.errback(new RuntimeException());
        }));
        d.callback("biff!");
        d.cancel();
        assertThat(cancellerCallCount).isZero();
        assertThat(errbackResult).isNull();
        assertThat(callbackResult).isEqualTo("biff!");
    }

    @Test
    void cancelAfterErrbackDoesNothing() {
        Deferred<String> d = watched(new Deferred<>(x -> {
            cancellerCallCount++;
            x.errback(new RuntimeException());
        }));
        d.errback(new IllegalArgumentException());
        d.cancel();
        assertThat(cancellerCallCount).isZero();
        assertThat(errbackResult.type()).isEqualTo(IllegalArgumentException.class);
        assertThat(callbackResult).isNull();
    }

    @Test
    void cancellerMayErrbackWithItsOwnFailure() {
        Deferred<String> d = watched(new Deferred<>(x -> {
            cancellerCallCount++;
            x.errback(new IllegalArgumentException());
        }));
        d.cancel();
        assertThat(cancellerCallCount).isEqualTo(1);
        assertThat(errbackResult.type()).isEqualTo(IllegalArgumentException.class);
    }

    @Test
    void cancellerMayCallbackWithAValue() {
        Deferred<String> d = watched(new Deferred<>(x -> {
            cancellerCallCount++;
            x.callback("hello!");
        }));
        d.cancel();
        assertThat(cancellerCallCount).isEqualTo(1);
        assertThat(callbackResult).isEqualTo("hello!");
        assertThat(errbackResult).isNull();
    }

    @Test
    void cancelIsForwardedToTheDeferredWaitedOn() {
        Deferred<Void> b = new Deferred<>(x -> cancellerCallCount++);
        Deferred<Void> a = new Deferred<>(x -> {
            throw new AssertionError("the outer canceller must not run");
        });
        a.callback(null);
        a.addCallbackDeferring(data -> b);
        a.cancel();
        watched(a);
        assertThat(cancellerCallCount).isEqualTo(1);
        assertThat(errbackResult.type()).isEqualTo(CancelledError.class);
        assertThat(successResultOf(b)).as("b handed its failure over to a").isNull();
    }

    @Test
    void exceptionFromTheCancellerComesOutOfCancelAndLeavesTheDeferredUnfired() {
        IllegalStateException broken = new IllegalStateException("canceller bug");
        Deferred<String> d = watched(new Deferred<>(x -> {
            cancellerCallCount++;
            throw broken;
        }));
        assertThatThrownBy(d::cancel).isSameAs(broken);
        assertThat(d.called()).isFalse();
        assertThat(callbackResult).isNull();
        assertThat(errbackResult).isNull();
        d.callback("late");
        assertThat(callbackResult).isEqualTo("late");
    }

    @Test
    void exceptionFromTheCancellerOfTheAwaitedDeferredComesOutOfTheWaitersCancel() {
        IllegalStateException broken = new IllegalStateException("inner canceller bug");
        Deferred<String> inner = new Deferred<>(x -> {
            throw broken;
        });
        Deferred<String> outer = new Deferred<>();
        outer.callback("go");
        Deferred<String> waiting = outer.addCallbackDeferring(x -> inner);
        assertThatThrownBy(waiting::cancel).isSameAs(broken);
        inner.callback("done");
        assertThat(successResultOf(waiting)).isEqualTo("done");
    }
}
