package io.jtwisted.internet.task;

import static io.jtwisted.internet.task.Results.assertNoResult;
import static io.jtwisted.internet.task.Results.failureResultOf;
import static io.jtwisted.internet.task.Results.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.defer.Deferred;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_task.LoopTests} and {@code ReactorLoopTests}, all on
 * a {@link Clock} (Twisted runs the ReactorLoopTests on the real reactor; the behaviour under
 * test does not depend on it).
 *
 * <p>Covered (LoopTests): test_callbackTimeSkips, test_reactorTimeSkips,
 * test_reactorTimeCountSkips, test_countLengthyIntervalCounts,
 * test_withCountFloatingPointBoundary, test_withCountIntervalZero,
 * test_withCountIntervalZeroDelay, test_withCountIntervalZeroDelayThenNonZeroInterval,
 * testBasicFunction, testDelayedStart, testBadDelay, testStopAtOnce,
 * testStoppingBeforeDelayedStart, test_reset, test_reprFunction / test_reprMethod (as
 * toString). test_defaultClock is in {@code LoopingCallReactorTest}.
 * (ReactorLoopTests): testFailure, testFailAndStop, testEveryIteration, testStopAtOnceLater,
 * testWaitDeferred, testFailurePropagation, test_deferredWithCount.
 * Not ported: test_deferredDeprecation (the deprecated {@code deferred} attribute was not
 * carried over: use the Deferred returned by start).
 * Added: changing the interval while running (the seed's example), starting twice, stopping a
 * loop that is not running, stopping from inside the function.
 */
class LoopingCallTest {
    private final Clock clock = new Clock();

    private LoopingCall loopOn(LoopingCall call) {
        call.setClock(clock);
        return call;
    }

    @Test
    void callbackTakingLongerThanTheIntervalSkipsTheMissedCalls() {
        List<Double> times = new ArrayList<>();
        double[] callDuration = {2};
        LoopingCall call = loopOn(new LoopingCall(() -> {
            times.add(clock.seconds());
            clock.advance(callDuration[0]);
        }));
        call.start(0.5);
        assertThat(times).containsExactly(0.0);
        assertThat(clock.seconds()).isEqualTo(2.0);

        // An iteration was due at 2, the present: skipped.
        clock.advance(0);
        assertThat(times).containsExactly(0.0);

        callDuration[0] = 1;
        clock.advance(0.5);
        assertThat(times).containsExactly(0.0, 2.5);
        assertThat(clock.seconds()).isEqualTo(3.5);

        clock.advance(0);
        assertThat(times).containsExactly(0.0, 2.5);

        callDuration[0] = 0;
        clock.advance(0.5);
        assertThat(times).containsExactly(0.0, 2.5, 4.0);
        assertThat(clock.seconds()).isEqualTo(4.0);
    }

    @Test
    void lateReactorSkipsTheMissedCalls() {
        List<Double> times = new ArrayList<>();
        LoopingCall call = loopOn(new LoopingCall(() -> times.add(clock.seconds())));
        call.start(0.5);
        assertThat(times).containsExactly(0.0);
        clock.advance(2);
        assertThat(times).containsExactly(0.0, 2.0);
        clock.advance(1);
        assertThat(times).containsExactly(0.0, 2.0, 3.0);
        clock.advance(0);
        assertThat(times).containsExactly(0.0, 2.0, 3.0);
    }

    @Test
    void withCountReportsTheSkippedCalls() {
        List<String> times = new ArrayList<>();
        LoopingCall call = loopOn(LoopingCall.withCount(count -> times.add(clock.seconds() + "/" + count)));
        double interval = 0.5;
        double realisticDelay = 0.01;
        call.start(interval);
        assertThat(times).containsExactly(0.0 + "/1");

        clock.advance(interval + realisticDelay);
        assertThat(times).containsExactly(0.0 + "/1", (interval + realisticDelay) + "/1");

        clock.advance(3 * interval + realisticDelay);
        List<String> expected =
                List.of(0.0 + "/1", (interval + realisticDelay) + "/1", (4 * interval + 2 * realisticDelay) + "/3");
        assertThat(times).isEqualTo(expected);

        clock.advance(0);
        assertThat(times).isEqualTo(expected);
    }

    @Test
    void withCountCountsOnlyWholeIntervals() {
        List<String> times = new ArrayList<>();
        LoopingCall call = loopOn(LoopingCall.withCount(count -> times.add(clock.seconds() + "/" + count)));
        double interval = 0.5;
        double realisticDelay = 0.01;
        call.start(interval);
        assertThat(times.remove(times.size() - 1)).isEqualTo(0.0 + "/1");

        clock.advance(interval + realisticDelay);
        assertThat(times.remove(times.size() - 1)).isEqualTo((interval + realisticDelay) + "/1");

        clock.advance(interval * 1.75);
        assertThat(times.remove(times.size() - 1)).isEqualTo((2.75 * interval + realisticDelay) + "/1");

        clock.advance(interval * 0.25);
        assertThat(times.remove(times.size() - 1)).isEqualTo((3.0 * interval + realisticDelay) + "/1");
    }

    @Test
    void withCountNeverPassesZeroAtAFloatingPointBoundary() {
        List<Integer> accumulator = new ArrayList<>();
        LoopingCall call = loopOn(LoopingCall.withCount(accumulator::add));
        int count = 10;
        double timespan = 1.0;
        double interval = timespan / count;
        call.start(interval, false);
        for (int i = 0; i < count; i++) {
            clock.advance(interval);
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            sum += interval;
        }
        double epsilon = timespan - sum;
        clock.advance(epsilon);
        // The test is only meaningful when 0.1 * 10 is inexact and the clock reaches the span.
        assertThat(Math.abs(epsilon)).isGreaterThan(0.0);
        assertThat(clock.seconds()).isGreaterThanOrEqualTo(timespan);

        assertThat(accumulator.stream().mapToInt(Integer::intValue).sum()).isEqualTo(count);
        assertThat(accumulator).doesNotContain(0);
    }

    @Test
    void withCountAtIntervalZeroAlwaysCountsOne() {
        List<Integer> accumulator = new ArrayList<>();
        LoopingCall[] loop = new LoopingCall[1];
        loop[0] = loopOn(LoopingCall.withCount(count -> {
            accumulator.add(count);
            if (accumulator.size() > 4) {
                loop[0].stop();
            }
        }));
        Deferred<LoopingCall> deferred = loop[0].start(0, false);
        clock.advance(0);
        assertThat(successResultOf(deferred)).isSameAs(loop[0]);
        assertThat(accumulator).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void withCountAtIntervalZeroIgnoresTheTimeSpentWaitingOnADeferred() {
        Deferred<Void> waiting = new Deferred<>();
        List<Integer> accumulator = new ArrayList<>();
        LoopingCall[] loop = new LoopingCall[1];
        loop[0] = loopOn(LoopingCall.withCountDeferring(count -> {
            accumulator.add(count);
            if (accumulator.size() == 2) {
                return waiting;
            }
            if (accumulator.size() > 4) {
                loop[0].stop();
            }
            return null;
        }));
        loop[0].start(0, false);
        clock.advance(0);
        assertThat(accumulator).containsExactly(1, 1);
        clock.advance(2);
        assertThat(accumulator).containsExactly(1, 1);
        waiting.callback(null);
        clock.advance(0);
        assertThat(accumulator).containsExactly(1, 1, 1, 1, 1);
    }

    @Test
    void withCountKeepsTheLastCallTimeWhenTheIntervalChangesFromZero() {
        Deferred<Void> waiting = new Deferred<>();
        List<Integer> accumulator = new ArrayList<>();
        LoopingCall loop = loopOn(LoopingCall.withCountDeferring(count -> {
            accumulator.add(count);
            return accumulator.size() == 2 ? waiting : null;
        }));
        loop.start(0, false);
        clock.advance(10);
        assertThat(accumulator).containsExactly(1, 1);

        loop.setInterval(2);
        waiting.callback(null);

        clock.advance(7);
        assertThat(accumulator).containsExactly(1, 1, 3);
        clock.advance(2);
        assertThat(accumulator).containsExactly(1, 1, 3, 1);
        clock.advance(4);
        assertThat(accumulator).containsExactly(1, 1, 3, 1, 2);
    }

    @Test
    void runsAtStartThenEveryIntervalAndStopFiresTheDeferredWithTheLoop() {
        List<String> calls = new ArrayList<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> calls.add("a-b")));
        Deferred<LoopingCall> d = lc.start(0.1);
        List<Object> theResult = new ArrayList<>();
        d.addCallback(theResult::add);

        clock.pump(0.05, 0.1, 0.1);
        assertThat(calls).hasSize(3);

        lc.stop();
        assertThat(theResult).containsExactly(lc);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void delayedStartWaitsOneInterval() {
        List<String> calls = new ArrayList<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> calls.add("x")));
        Deferred<LoopingCall> d = lc.start(0.1, false);
        clock.pump(0.05, 0.1, 0.1);
        assertThat(calls).hasSize(2);
        lc.stop();
        assertThat(successResultOf(d)).isSameAs(lc);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void negativeIntervalIsRefused() {
        LoopingCall lc = loopOn(new LoopingCall(() -> {}));
        assertThatThrownBy(() -> lc.start(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> lc.start(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThat(lc.running()).isFalse();
    }

    @Test
    void stopAtOncePreventsEveryCall() {
        assertStopBeforeFirstCallPreventsEveryCall(0);
    }

    @Test
    void stopBeforeADelayedStartPreventsEveryCall() {
        assertStopBeforeFirstCallPreventsEveryCall(10);
    }

    private void assertStopBeforeFirstCallPreventsEveryCall(double interval) {
        List<String> ran = new ArrayList<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> ran.add("ran")));
        lc.start(interval, false);
        lc.stop();
        assertThat(ran).isEmpty();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void resetSkipsTheNextCallAndRestartsTheTiming() {
        List<String> ran = new ArrayList<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> ran.add("ran")));
        lc.start(2, false);
        clock.advance(1);
        lc.reset();
        clock.advance(1);
        assertThat(ran).isEmpty();
        clock.advance(1);
        assertThat(ran).containsExactly("ran");
    }

    @Test
    void toStringShowsTheIntervalAndTheFunction() {
        LoopingCall lc = loopOn(new LoopingCall(() -> {}));
        assertThat(lc.toString()).startsWith("LoopingCall<None>(");
        lc.start(1.5, false);
        assertThat(lc.toString()).startsWith("LoopingCall<1.5>(");
        lc.stop();
    }

    @Test
    void aFunctionThatThrowsStopsTheLoopAndFailsItsDeferred() {
        LoopingCall lc = loopOn(new LoopingCall(() -> {
            throw new TestException("bar");
        }));
        Deferred<LoopingCall> d = lc.start(0.1);
        assertThat(failureResultOf(d, TestException.class).getErrorMessage()).isEqualTo("bar");
        assertThat(lc.running()).isFalse();
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void aFunctionThatStopsAndThenThrowsStillFailsTheDeferred() {
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = loopOn(new LoopingCall(() -> {
            lc[0].stop();
            throw new TestException("bar");
        }));
        Deferred<LoopingCall> d = lc[0].start(0.1);
        failureResultOf(d, TestException.class);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void intervalZeroRunsEveryIterationUntilStopped() {
        List<String> ran = new ArrayList<>();
        LoopingCall[] lc = new LoopingCall[1];
        lc[0] = loopOn(new LoopingCall(() -> {
            ran.add("ran");
            if (ran.size() > 5) {
                lc[0].stop();
            }
        }));
        Deferred<LoopingCall> d = lc[0].start(0);
        clock.advance(0);
        successResultOf(d);
        assertThat(ran).hasSize(6);
    }

    @Test
    void stopFromAnotherDelayedCallPreventsTheNextCall() {
        List<String> ran = new ArrayList<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> ran.add("should never run")));
        Deferred<LoopingCall> d = lc.start(1, false);
        clock.callLater(0, lc::stop);
        clock.advance(0);
        successResultOf(d);
        clock.advance(5);
        assertThat(ran).isEmpty();
    }

    @Test
    void theNextCallWaitsForTheDeferredTheFunctionReturned() {
        LoopingCall[] lc = new LoopingCall[1];
        List<Double> calledAt = new ArrayList<>();
        lc[0] = loopOn(new LoopingCall(() -> {
            calledAt.add(clock.seconds());
            Deferred<Void> d = new Deferred<>();
            d.addCallback(ignored -> {
                lc[0].stop();
                return null;
            });
            clock.callLater(1, () -> d.callback(null));
            return d;
        }));
        Deferred<LoopingCall> done = lc[0].start(0.2);
        clock.pump(0.2, 0.8);
        assertThat(calledAt).containsExactly(0.0);
        assertThat(successResultOf(done)).isSameAs(lc[0]);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void aFailedDeferredFromTheFunctionFailsTheLoop() {
        LoopingCall lc = loopOn(new LoopingCall(() -> {
            Deferred<Void> d = new Deferred<>();
            clock.callLater(0.3, () -> d.errback(new TestException("later")));
            return d;
        }));
        Deferred<LoopingCall> d = lc.start(1);
        assertNoResult(d);
        clock.pump(0.3);
        failureResultOf(d, TestException.class);
        assertThat(clock.getDelayedCalls()).isEmpty();
        assertThat(lc.running()).isFalse();
    }

    @Test
    void withCountCountsTheCallsMissedWhileWaitingOnADeferred() {
        Deferred<Void> waiting = new Deferred<>();
        List<Integer> counts = new ArrayList<>();
        LoopingCall lc = loopOn(LoopingCall.withCountDeferring(count -> {
            counts.add(count);
            return counts.size() == 1 ? waiting : null;
        }));
        lc.start(0.2, false);
        assertThat(counts).isEmpty();
        clock.pump(0.2, 0.4);
        assertThat(counts).containsExactly(1);
        waiting.callback(null);
        clock.pump(0.2);
        assertThat(counts).containsExactly(1, 3);
        lc.stop();
    }

    @Test
    void changingTheIntervalWhileRunningAppliesFromTheNextScheduling() {
        List<Double> times = new ArrayList<>();
        LoopingCall loopCall = loopOn(new LoopingCall(() -> times.add(clock.seconds())));
        loopCall.start(1);
        clock.callLater(5, () -> loopCall.setInterval(5));
        for (int i = 0; i < 20; i++) {
            clock.advance(1);
        }
        assertThat(times).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 10.0, 15.0, 20.0);
        assertThat(loopCall.interval()).isEqualTo(5.0);
        loopCall.stop();
    }

    @Test
    void startingARunningLoopOrStoppingAStoppedOneIsRefused() {
        LoopingCall lc = loopOn(new LoopingCall(() -> {}));
        assertThatThrownBy(lc::stop).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(lc::reset).isInstanceOf(IllegalStateException.class);
        lc.start(1);
        assertThat(lc.running()).isTrue();
        assertThatThrownBy(() -> lc.start(1)).isInstanceOf(IllegalStateException.class);
        lc.stop();
        assertThat(lc.running()).isFalse();
    }

    @Test
    void stopWhileWaitingOnADeferredFiresWhenItFires() {
        Deferred<Void> waiting = new Deferred<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> waiting));
        Deferred<LoopingCall> d = lc.start(1);
        lc.stop();
        assertNoResult(d);
        waiting.callback(null);
        assertThat(successResultOf(d)).isSameAs(lc);
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    @Test
    void aLoopCanBeStartedAgainAfterItStopped() {
        List<Double> times = new ArrayList<>();
        LoopingCall lc = loopOn(new LoopingCall(() -> times.add(clock.seconds())));
        lc.start(1);
        clock.advance(1);
        lc.stop();
        clock.advance(0.5);
        Deferred<LoopingCall> second = lc.start(2);
        clock.advance(2);
        assertThat(times).containsExactly(0.0, 1.0, 1.5, 3.5);
        lc.stop();
        successResultOf(second);
    }

    static final class TestException extends Exception {
        private static final long serialVersionUID = 1L;

        TestException(String message) {
            super(message);
        }
    }
}
