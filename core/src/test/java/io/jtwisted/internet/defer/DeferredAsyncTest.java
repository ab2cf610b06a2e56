package io.jtwisted.internet.defer;

import static io.jtwisted.internet.defer.DeferredAssertions.assertNoResult;
import static io.jtwisted.internet.defer.DeferredAssertions.failureResultOf;
import static io.jtwisted.internet.defer.DeferredAssertions.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.protocol.Protocol;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.task.Task;
import io.jtwisted.internet.testing.MemoryReactor;
import io.jtwisted.internet.testing.StringTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Deferred#async} and {@link Deferred#await}: ports of twisted.test.test_defgen's
 * InlineCallbacksTests, of test_defer's EnsureDeferredTests and of
 * twisted.internet.test.test_inlinecb's CancellationTests.
 *
 * <p>Covered: testBasics, testBuggy, testNothing, testHandledTerminalFailure,
 * testHandledTerminalAsyncFailure, testStackUsage (100 000 awaits of fired Deferreds),
 * testReturnNoValue, testReturnValue; test_ensureDeferredCoroutine; test_cascadeCancellingOnCancel,
 * test_errbackCancelledErrorOnCancel, test_errorToErrorTranslation, test_errorToSuccessTranslation,
 * test_asynchronousCancellation.
 *
 * <p>Not ported: testStackUsage2 and testYieldNonDeferred (await takes only a Deferred: there is
 * no plain value to yield), test_nonGeneratorReturn(Value) and the DeferredGeneratorTests
 * (no generators, no returnValue, no deferredGenerator), test_passesThroughDeferreds and
 * test_willNotAllowNonDeferredOrCoroutine (async takes a body, typed: there is nothing else to
 * pass), ForwardTraceBackTests (Java's stack traces are the exception's own).
 */
class DeferredAsyncTest {
    private final MemoryReactor reactor = new MemoryReactor();
    private final Clock clock = new Clock();
    private final List<Deferred<Object>> outstanding = new ArrayList<>();

    static final class TerminalException extends RuntimeException {
        TerminalException(String message) {
            super(message);
        }
    }

    static final class UntranslatedError extends RuntimeException {}

    static final class TranslatedError extends RuntimeException {}

    static final class DontFail extends RuntimeException {
        final int actualValue;

        DontFail(int actualValue) {
            this.actualValue = actualValue;
        }
    }

    @AfterEach
    void fireWhatIsLeft() {
        while (!outstanding.isEmpty()) {
            outstanding.remove(0).callback(null);
        }
    }

    private Deferred<String> getThing() {
        return Task.deferLater(clock, 0, () -> "hi");
    }

    private Deferred<Void> getOwie() {
        return Task.deferLater(clock, 0, () -> {
            throw new ArithmeticException("OMG");
        });
    }

    @Test
    void basicsAwaitValuesAndFailuresAndReturnTheFinalValue() {
        Deferred<String> d = Deferred.async(reactor, () -> {
            String x = Deferred.await(getThing());
            assertThat(x).isEqualTo("hi");
            try {
                Deferred.await(getOwie());
            } catch (ArithmeticException e) {
                assertThat(e.getMessage()).isEqualTo("OMG");
            }
            return "WOOSH";
        });
        assertNoResult(d);
        clock.advance(0); // runs getThing's call, then getOwie's, scheduled meanwhile for the same time
        assertThat(successResultOf(d)).isEqualTo("WOOSH");
    }

    @Test
    void anExceptionInTheBodyFailsTheDeferred() {
        Deferred<Integer> d = Deferred.async(reactor, () -> {
            Deferred.await(getThing());
            return 1 / zero();
        });
        clock.advance(0);
        failureResultOf(d, ArithmeticException.class);
        DeferredAssertions.swallow(d);
    }

    private static int zero() {
        return 0;
    }

    @Test
    void aBodyThatNeverAwaitsFiresAtOnce() {
        assertThat(successResultOf(Deferred.<Object>async(reactor, () -> null))).isNull();
        assertThat(successResultOf(Deferred.async(reactor, () -> 6))).isEqualTo(6);
    }

    @Test
    void aHandledFailureOfAFiredDeferredDoesNotFailTheBody() {
        Deferred<Void> d = Deferred.async(reactor, () -> {
            try {
                Deferred.await(Deferred.fail(new TerminalException("Handled Terminal Failure")));
            } catch (TerminalException expected) {
                // handled
            }
            return null;
        });
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void aHandledFailureArrivingLaterDoesNotFailTheBody() {
        Deferred<Void> awaited = new Deferred<>();
        Deferred<Void> d = Deferred.async(reactor, () -> {
            try {
                Deferred.await(awaited);
            } catch (TerminalException expected) {
                // handled
            }
            return null;
        });
        awaited.errback(new TerminalException("Handled Terminal Failure"));
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void awaitingManyFiredDeferredsNeitherOverflowsNorParks() {
        // No one would ever resume a parked body here: a result right after async returns proves
        // that none of the 100 000 awaits parked.
        Deferred<Integer> d = Deferred.async(reactor, () -> {
            for (int i = 0; i < 100_000; i++) {
                Deferred.await(Deferred.succeed(1));
            }
            return 0;
        });
        assertThat(successResultOf(d)).isEqualTo(0);
    }

    @Test
    void ensureDeferredOfACoroutineAwaitingAFiredDeferredHasItsResult() {
        Deferred<String> d = Deferred.async(reactor, () -> Deferred.await(Deferred.succeed("foo")));
        assertThat(successResultOf(d)).isEqualTo("foo");
    }

    @Test
    void awaitConsumesTheResultLeavingNullAndNoUnhandledFailure() {
        Deferred<String> value = new Deferred<>();
        Deferred<String> failing = new Deferred<>();
        Deferred<Void> d = Deferred.async(reactor, () -> {
            Deferred.await(value);
            try {
                Deferred.await(failing);
            } catch (TerminalException expected) {
                // handled
            }
            return null;
        });
        value.callback("v");
        failing.errback(new TerminalException("x"));
        successResultOf(d);
        assertThat(successResultOf(value)).isNull();
        assertThat(successResultOf(failing)).isNull();
    }

    @Test
    void checkedExceptionsAreWrappedWithTheOriginalAsCauseAndUncheckedOnesThrownAsTheyAre() {
        IOException checked = new IOException("disk");
        TerminalException unchecked = new TerminalException("u");
        List<Throwable> caught = new ArrayList<>();
        Deferred<Void> d = Deferred.async(reactor, () -> {
            try {
                Deferred.await(Deferred.fail(checked));
            } catch (CompletionException e) {
                caught.add(e.getCause());
            }
            try {
                Deferred.await(Deferred.fail(unchecked));
            } catch (TerminalException e) {
                caught.add(e);
            }
            return null;
        });
        successResultOf(d);
        assertThat(caught).containsExactly(checked, unchecked);
    }

    @Test
    void aCheckedExceptionThrownByTheBodyIsTheFailureAsItIs() {
        IOException checked = new IOException("disk");
        Deferred<Void> d = Deferred.async(reactor, () -> {
            throw checked;
        });
        assertThat(failureResultOf(d, IOException.class).value()).isSameAs(checked);
        DeferredAssertions.swallow(d);
    }

    @Test
    void awaitOutsideABodyFailsWithAMessageNamingAsync() {
        assertThatThrownBy(() -> Deferred.await(Deferred.succeed(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside the body of Deferred.async");
    }

    @Test
    void theBodyRunsInTheTurnOfTheThreadThatResumesIt() {
        Thread test = Thread.currentThread();
        List<Boolean> inTurn = new ArrayList<>();
        Deferred<Void> later = new Deferred<>();
        Deferred<Void> d = Deferred.async(reactor, () -> {
            inTurn.add(Thread.currentThread() != test && Deferred.isInTurnOf(test));
            Deferred.await(later);
            inTurn.add(Deferred.isInTurnOf(test));
            return null;
        });
        assertThat(Deferred.isInTurnOf(test)).as("the test thread is no body").isFalse();
        later.callback(null);
        successResultOf(d);
        assertThat(inTurn).containsExactly(true, true);
    }

    @Test
    void theReturnedDeferredFiresOnTheResumingThread() {
        Thread test = Thread.currentThread();
        Deferred<Void> later = new Deferred<>();
        List<Thread> firedOn = new ArrayList<>();
        Deferred.async(reactor, () -> {
                    Deferred.await(later);
                    return null;
                })
                .addCallback(ignored -> firedOn.add(Thread.currentThread()));
        later.callback(null);
        assertThat(firedOn).containsExactly(test);
    }

    @Test
    void aBodyMayStartAnotherAndAwaitIt() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> d = Deferred.async(reactor, () -> {
            Deferred<String> nested = Deferred.async(reactor, () -> Deferred.await(inner) + "!");
            return Deferred.await(nested) + "?";
        });
        inner.callback("x");
        assertThat(successResultOf(d)).isEqualTo("x!?");
    }

    @Test
    void aProtocolsDataReceivedMayStartAnAsyncHandler() {
        Deferred<String> lookup = new Deferred<>();
        StringTransport transport = new StringTransport();
        Protocol protocol = new Protocol() {
            @Override
            public void dataReceived(byte[] data) {
                String name = new String(data, StandardCharsets.US_ASCII);
                Deferred.async(reactor, () -> {
                    String answer = Deferred.await(lookup);
                    transport.write((name + "=" + answer).getBytes(StandardCharsets.US_ASCII));
                    return null;
                });
            }
        };
        protocol.makeConnection(transport);
        protocol.dataReceived("moshez".getBytes(StandardCharsets.US_ASCII));
        assertThat(transport.value()).isEmpty();
        lookup.callback("happy");
        assertThat(new String(transport.value(), StandardCharsets.US_ASCII)).isEqualTo("moshez=happy");
    }

    // ---------------------------------------------------------------- cancellation (test_inlinecb)

    private Deferred<Object> getDeferred() {
        Deferred<Object> d = new Deferred<>();
        outstanding.add(d);
        return d;
    }

    private interface ChildSupplier {
        Deferred<Object> get();
    }

    /** Twisted's sampleInlineCB: awaits the child, translating two kinds of error. */
    private Deferred<Integer> sampleInlineCB(ChildSupplier getChildDeferred) {
        return Deferred.async(reactor, () -> {
            int x;
            try {
                Object got = Deferred.await(getChildDeferred.get());
                x = got == null ? 0 : (Integer) got;
            } catch (UntranslatedError e) {
                throw new TranslatedError();
            } catch (DontFail df) {
                x = df.actualValue - 2;
            }
            return x + 1;
        });
    }

    @Test
    void cancellingTheResultCancelsTheAwaitedDeferredAtOnce() {
        Class<?>[] childResult = {null};
        Deferred<Integer> d = sampleInlineCB(() -> {
            Deferred<Object> child = new Deferred<>();
            child.addErrback(f -> {
                childResult[0] = f.check(CancelledError.class);
                throw f.raiseException();
            });
            return child;
        });
        d.addErrback(f -> null);
        d.cancel();
        assertThat(childResult[0]).as("cascade cancelling").isEqualTo(CancelledError.class);
    }

    @Test
    void cancelledErrorOfTheAwaitedDeferredFailsTheResult() {
        Deferred<Integer> d = sampleInlineCB(this::getDeferred);
        d.cancel();
        failureResultOf(d, CancelledError.class);
        DeferredAssertions.swallow(d);
        outstanding.clear(); // cancelled, so fired already
    }

    @Test
    void theBodyMayTranslateTheCancellationErrorIntoAnother() {
        Deferred<Object> a = new Deferred<>(it -> it.errback(new UntranslatedError()));
        Deferred<Integer> d = sampleInlineCB(() -> a);
        d.cancel();
        failureResultOf(d, TranslatedError.class);
        DeferredAssertions.swallow(d);
    }

    @Test
    void theBodyMayTranslateTheCancellationErrorIntoAValue() {
        Deferred<Object> a = new Deferred<>(it -> it.errback(new DontFail(4321)));
        Deferred<Integer> d = sampleInlineCB(() -> a);
        List<Integer> results = new ArrayList<>();
        d.addCallback(results::add);
        d.cancel();
        assertThat(results).containsExactly(4320);
    }

    @Test
    void aCancelledResultWaitsUntilTheAwaitedDeferredReachesTheBody() {
        Deferred<Object> moreDeferred = new Deferred<>();
        Deferred<Integer> d = sampleInlineCB(() -> {
            Deferred<Object> child = new Deferred<>();
            child.addErrbackDeferring(f -> {
                f.trap(CancelledError.class);
                return moreDeferred;
            });
            return child;
        });
        d.cancel();
        assertNoResult(d);
        moreDeferred.callback(6543);
        assertThat(successResultOf(d)).isEqualTo(6544);
    }

    @Test
    void aBodyMayCatchTheCancellationCleanUpAndAwaitAgain() {
        Deferred<Object> first = new Deferred<>();
        Deferred<Object> cleanup = new Deferred<>();
        List<String> steps = new ArrayList<>();
        Deferred<String> d = Deferred.async(reactor, () -> {
            try {
                Deferred.await(first);
                return "not cancelled";
            } catch (CancelledError e) {
                steps.add("cancelled");
                Deferred.await(cleanup);
                steps.add("cleaned up");
                return "cleaned";
            }
        });
        d.cancel();
        assertThat(steps).containsExactly("cancelled");
        assertNoResult(d);
        cleanup.callback(null);
        assertThat(successResultOf(d)).isEqualTo("cleaned");
        assertThat(steps).containsExactly("cancelled", "cleaned up");
    }

    @Test
    void aDeferredReturnedByTheBodyIsWaitedFor() {
        Deferred<String> later = new Deferred<>();
        Deferred<Object> d = Deferred.async(reactor, () -> later);
        assertNoResult(d);
        later.callback("then");
        assertThat(successResultOf(d)).isEqualTo("then");
    }
}
