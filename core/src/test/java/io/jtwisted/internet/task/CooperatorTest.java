package io.jtwisted.internet.task;

import static io.jtwisted.internet.task.Results.assertNoResult;
import static io.jtwisted.internet.task.Results.failureResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.interfaces.IDelayedCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_cooperator.CooperatorTests}; Twisted runs some on
 * the real reactor, here they tick on a {@link Clock}.
 *
 * <p>Covered: testStoppedRejectsNewTasks, testStopRunning, testStopOutstanding,
 * testUnexpectedError, testUnexpectedErrorActuallyLater, testUnexpectedErrorNotActuallyLater,
 * testCooperation, testResourceExhaustion, testCallbackReCoiterate,
 * test_removingLastTaskStopsScheduledCall, test_runningWhenStarted, test_runningWhenNotStarted,
 * test_runningWhenRunning, test_runningWhenStopped. AliasTests.test_cooperate (the global
 * cooperator on the global reactor) is in the examples module's {@code GlobalReactorTaskTest}, which
 * runs the global reactor in a child JVM. RunStateTests are in
 * {@link CooperativeTaskTest}. Added: stopping a cooperator with several running tasks fails
 * every one of them; a cooperator created not started waits for start.
 */
class CooperatorTest {
    private final Clock clock = new Clock();

    private static <T> Iterator<T> failingIterator(RuntimeException error) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public T next() {
                throw error;
            }
        };
    }

    /** Runs the cooperator's ticks until nothing is scheduled (a bounded number of steps). */
    private void drain() {
        for (int i = 0; i < 1000 && !clock.getDelayedCalls().isEmpty(); i++) {
            clock.advance(1);
        }
    }

    @Test
    void aStoppedCooperatorRejectsNewTasksWithSchedulerStopped() {
        Cooperator c = new Cooperator(clock);
        c.stop();
        Deferred<Iterator<Object>> d = c.coiterate(Collections.emptyIterator());
        failureResultOf(d, SchedulerStopped.class);

        Deferred<Iterator<Object>> given = new Deferred<>();
        Deferred<Iterator<Object>> d2 = c.coiterate(Collections.emptyIterator(), given);
        assertThat(d2).isSameAs(given);
        failureResultOf(d2, SchedulerStopped.class);
    }

    @Test
    void stoppingTheCooperatorStopsARunningIterator() {
        Cooperator c = new Cooperator(clock);
        List<Integer> seen = new ArrayList<>();
        Iterator<Integer> numbers = List.of(0, 1, 2).iterator();
        Iterator<Integer> watched = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return numbers.hasNext();
            }

            @Override
            public Integer next() {
                Integer n = numbers.next();
                seen.add(n);
                return n;
            }
        };
        Deferred<Iterator<Integer>> d = c.coiterate(watched);
        c.stop();
        failureResultOf(d, SchedulerStopped.class);
        drain();
        assertThat(seen).isEmpty();
    }

    @Test
    void stoppingTheCooperatorFailsATaskWaitingOnADeferredWhenItFires() {
        Deferred<String> outstanding = new Deferred<>();
        List<String> afterOutstanding = new ArrayList<>();
        Iterator<Object> iterator = new Iterator<>() {
            private int step;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Object next() {
                if (step++ == 0) {
                    return outstanding;
                }
                afterOutstanding.add("must not run");
                return null;
            }
        };
        Cooperator c = new Cooperator(clock);
        Deferred<Iterator<Object>> d = c.coiterate(iterator);
        clock.advance(1);
        c.stop();
        outstanding.callback("arglebargle");
        failureResultOf(d, SchedulerStopped.class);
        drain();
        assertThat(afterOutstanding).isEmpty();
    }

    @Test
    void anExceptionFromTheIteratorFailsTheTask() {
        Cooperator c = new Cooperator(clock);
        Deferred<Iterator<Object>> d = c.coiterate(failingIterator(new IllegalStateException("boom")));
        clock.advance(1);
        assertThat(failureResultOf(d, IllegalStateException.class).getErrorMessage())
                .isEqualTo("boom");
    }

    @Test
    void aYieldedDeferredFailingLaterFailsTheTask() {
        Deferred<Object> later = new Deferred<>();
        Cooperator c = new Cooperator(clock);
        Deferred<Iterator<Object>> d = c.coiterate(List.<Object>of(later).iterator());
        clock.advance(1);
        assertNoResult(d);
        later.errback(new IllegalStateException("later"));
        failureResultOf(d, IllegalStateException.class);
    }

    @Test
    void aYieldedDeferredThatAlreadyFailedFailsTheTask() {
        Cooperator c = new Cooperator(clock);
        Deferred<Iterator<Object>> d = c.coiterate(
                List.<Object>of(Deferred.fail(new IllegalStateException("now"))).iterator());
        clock.advance(1);
        failureResultOf(d, IllegalStateException.class);
    }

    @Test
    void tasksTakeTurnsOneUnitOfWorkEach() {
        List<Object> seen = new ArrayList<>();
        List<List<Object>> groups =
                List.of(List.of("a", "b", "c"), List.of(1, 2, 3), List.of("d", "e", "f"), List.of(4, 5, 6));
        Cooperator c = new Cooperator(clock);
        List<Deferred<Iterator<Object>>> done = new ArrayList<>();
        for (List<Object> group : groups) {
            Iterator<Object> items = group.iterator();
            done.add(c.coiterate(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return items.hasNext();
                }

                @Override
                public Object next() {
                    Object item = items.next();
                    seen.add(item);
                    return null;
                }
            }));
        }
        drain();
        for (Deferred<Iterator<Object>> d : done) {
            Results.successResultOf(d);
        }
        assertThat(seen).containsExactly("a", 1, "d", 4, "b", 2, "e", 5, "c", 3, "f", 6);
    }

    @Test
    void aTickEndsWhenTheTerminationPredicateSaysSo() {
        List<Integer> output = new ArrayList<>();
        boolean[] stopped = {false};
        Iterator<Integer> hundred = new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < 100;
            }

            @Override
            public Integer next() {
                output.add(i);
                if (i == 9) {
                    stopped[0] = true;
                }
                return i++;
            }
        };
        Cooperator c = new Cooperator(Cooperator.onClock(clock), () -> () -> stopped[0], true);
        Deferred<Iterator<Integer>> d = c.coiterate(hundred);
        c.delayedCall().cancel();
        c.tick();
        c.stop();
        failureResultOf(d, SchedulerStopped.class);
        assertThat(stopped[0]).isTrue();
        assertThat(output).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void coiteratingAgainFromACompletionCallbackSchedulesOneTickAtATime() {
        List<Runnable> calls = new ArrayList<>();
        Cooperator c = new Cooperator(
                tick -> {
                    if (!calls.isEmpty()) {
                        fail("a tick was scheduled while another was pending: " + calls);
                    }
                    calls.add(tick);
                    return new FakeDelayedCall();
                },
                () -> () -> true,
                true);
        Deferred<Iterator<Object>> d = c.coiterate(Collections.emptyIterator());
        List<Object> done = new ArrayList<>();
        d.addCallback(ignored -> {
            c.coiterate(Collections.emptyIterator()).addBoth(done::add);
            return null;
        });
        int work = 0;
        while (done.isEmpty()) {
            work++;
            while (!calls.isEmpty()) {
                calls.remove(0).run();
                work++;
            }
            assertThat(work).as("the cooperator took too long").isLessThanOrEqualTo(50);
        }
    }

    @Test
    void removingTheLastTaskCancelsTheScheduledTick() {
        FakeDelayedCall[] last = new FakeDelayedCall[1];
        Cooperator coop = new Cooperator(
                tick -> {
                    last[0] = new FakeDelayedCall();
                    return last[0];
                },
                () -> () -> true,
                true);
        CooperativeTask<Integer> task1 = coop.cooperate(List.of(1, 2).iterator());
        CooperativeTask<Integer> task2 = coop.cooperate(List.of(1, 2).iterator());
        assertThat(coop.delayedCall()).isSameAs(last[0]);

        task1.stop();
        assertThat(last[0].cancelled).isFalse();
        assertThat(coop.delayedCall()).isSameAs(last[0]);

        task2.stop();
        assertThat(last[0].cancelled).isTrue();
        assertThat(coop.delayedCall()).isNull();

        coop.cooperate(List.of(1, 2).iterator());
        assertThat(last[0].cancelled).isFalse();
        assertThat(coop.delayedCall()).isSameAs(last[0]);
    }

    @Test
    void runningReflectsStartAndStop() {
        assertThat(new Cooperator(clock).running()).isTrue();
        Cooperator c = new Cooperator(Cooperator.onClock(clock), () -> () -> true, false);
        assertThat(c.running()).isFalse();
        c.start();
        assertThat(c.running()).isTrue();
        c.stop();
        assertThat(c.running()).isFalse();
    }

    @Test
    void aCooperatorCreatedNotStartedWaitsForStart() {
        Cooperator c = new Cooperator(Cooperator.onClock(clock), () -> () -> false, false);
        Deferred<Iterator<Integer>> d = c.coiterate(List.of(1, 2, 3).iterator());
        assertThat(clock.getDelayedCalls()).isEmpty();
        c.start();
        drain();
        Results.successResultOf(d);
    }

    @Test
    void stoppingTheCooperatorFailsEveryRunningTask() {
        Cooperator c = new Cooperator(clock);
        List<Deferred<Iterator<Integer>>> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            done.add(c.coiterate(List.of(1, 2, 3).iterator()));
        }
        c.stop();
        for (Deferred<Iterator<Integer>> d : done) {
            failureResultOf(d, SchedulerStopped.class);
        }
        assertThat(clock.getDelayedCalls()).isEmpty();
    }

    /** A delayed call that only records whether it was cancelled, as test_cooperator's. */
    static final class FakeDelayedCall implements IDelayedCall {
        boolean cancelled;

        @Override
        public double getTime() {
            return 0;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }

        @Override
        public void delay(double secondsLater) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reset(double secondsFromNow) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean active() {
            return !cancelled;
        }
    }
}
