package io.jtwisted.internet.task;

import static io.jtwisted.internet.task.Results.failureResultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_cooperator.RunStateTests}: pause, resume, stop,
 * exhaustion and their interactions, with a fake scheduler and one unit of work per tick.
 *
 * <p>Covered: test_pauseResume, test_resumeNotPaused, test_pauseTwice, test_pauseWhileDeferred,
 * test_whenDone, test_whenDoneError, test_whenDoneStop, test_whenDoneAlreadyDone,
 * test_stopStops, test_pauseStopResume, test_stopDeferred, test_stopExhausted,
 * test_stopErrored, test_stopCooperatorReentrancy. Not ported: nothing.
 */
class CooperativeTaskTest {
    private final List<Object> work = new ArrayList<>();
    private final FakeScheduler scheduler = new FakeScheduler();
    private boolean deferNext;
    private boolean stopNext;
    private boolean dieNext;
    private Cooperator cooperator;
    private Worker worker;
    private CooperativeTask<Object> task;

    @BeforeEach
    void createTheCooperatorAndTask() {
        cooperator = new Cooperator(scheduler, () -> () -> true, true);
        worker = new Worker();
        task = cooperator.cooperate(worker);
        cooperator.start();
    }

    /** Yields Deferreds when asked to defer, ascending integers otherwise; ends or dies on demand. */
    private final class Worker implements Iterator<Object> {
        private int i;

        @Override
        public boolean hasNext() {
            return !stopNext;
        }

        @Override
        public Object next() {
            i++;
            if (deferNext) {
                deferNext = false;
                Deferred<Object> d = new Deferred<>();
                work.add(d);
                return d;
            }
            if (dieNext) {
                throw new UnhandledException();
            }
            work.add(i);
            return i;
        }
    }

    /** A scheduler whose ticks run only when the test pumps it. */
    private static final class FakeScheduler implements Cooperator.Scheduler {
        private List<Runnable> pending = new ArrayList<>();
        private List<CooperatorTest.FakeDelayedCall> calls = new ArrayList<>();

        @Override
        public CooperatorTest.FakeDelayedCall schedule(Runnable tick) {
            CooperatorTest.FakeDelayedCall call = new CooperatorTest.FakeDelayedCall();
            pending.add(tick);
            calls.add(call);
            return call;
        }

        void pump() {
            List<Runnable> ticks = pending;
            List<CooperatorTest.FakeDelayedCall> delayed = calls;
            pending = new ArrayList<>();
            calls = new ArrayList<>();
            for (int i = 0; i < ticks.size(); i++) {
                if (!delayed.get(i).cancelled) {
                    ticks.get(i).run();
                }
            }
        }
    }

    static final class UnhandledException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void pausedTasksDoNoWorkUntilResumed() {
        scheduler.pump();
        assertThat(work).containsExactly(1);
        scheduler.pump();
        assertThat(work).containsExactly(1, 2);

        task.pause();
        scheduler.pump();
        assertThat(work).containsExactly(1, 2);
        task.resume();
        assertThat(work).containsExactly(1, 2);
        scheduler.pump();
        assertThat(work).containsExactly(1, 2, 3);
    }

    @Test
    void resumeWithoutPauseRaisesNotPaused() {
        assertThatThrownBy(task::resume).isInstanceOf(NotPaused.class);
        task.pause();
        task.resume();
        assertThatThrownBy(task::resume).isInstanceOf(NotPaused.class);
    }

    @Test
    void pausesNest() {
        task.pause();
        scheduler.pump();
        assertThat(work).isEmpty();
        task.pause();
        scheduler.pump();
        assertThat(work).isEmpty();
        task.resume();
        scheduler.pump();
        assertThat(work).isEmpty();
        task.resume();
        scheduler.pump();
        assertThat(work).containsExactly(1);
    }

    @Test
    void aTaskPausedWhileWaitingOnADeferredNeedsBothTheDeferredAndResume() {
        deferNext = true;
        scheduler.pump();
        assertThat(work).hasSize(1);
        assertThat(work.get(0)).isInstanceOf(Deferred.class);
        scheduler.pump();
        assertThat(work).hasSize(1);
        task.pause();
        scheduler.pump();
        assertThat(work).hasSize(1);
        task.resume();
        scheduler.pump();
        assertThat(work).hasSize(1);
        @SuppressWarnings("unchecked")
        Deferred<Object> waiting = (Deferred<Object>) work.get(0);
        waiting.callback("STUFF!");
        scheduler.pump();
        assertThat(work).hasSize(2);
        assertThat(work.get(1)).isEqualTo(2);
    }

    @Test
    void whenDoneGivesIndependentDeferredsFiredWithTheIterator() {
        Deferred<Iterator<Object>> deferred1 = task.whenDone();
        Deferred<Iterator<Object>> deferred2 = task.whenDone();
        List<Object> results1 = new ArrayList<>();
        List<Object> results2 = new ArrayList<>();
        List<Object> final1 = new ArrayList<>();
        List<Object> final2 = new ArrayList<>();
        deferred1
                .addCallback(result -> {
                    results1.add(result);
                    return 1;
                })
                .addCallback(final1::add);
        deferred2
                .addCallback(result -> {
                    results2.add(result);
                    return 2;
                })
                .addCallback(final2::add);

        stopNext = true;
        scheduler.pump();

        assertThat(results1).containsExactly(worker);
        assertThat(results2).containsExactly(worker);
        assertThat(final1).containsExactly(1);
        assertThat(final2).containsExactly(2);
    }

    @Test
    void whenDoneFailsWithWhatTheIteratorThrew() {
        Deferred<Iterator<Object>> deferred1 = task.whenDone();
        List<Failure> results = new ArrayList<>();
        deferred1.addErrback(failure -> {
            results.add(failure);
            return null;
        });
        dieNext = true;
        scheduler.pump();
        assertThat(results).hasSize(1);
        assertThat(results.get(0).check(UnhandledException.class)).isEqualTo(UnhandledException.class);
    }

    @Test
    void whenDoneFailsWithTaskStoppedAfterStop() {
        Deferred<Iterator<Object>> deferred1 = task.whenDone();
        task.stop();
        failureResultOf(deferred1, TaskStopped.class);
    }

    @Test
    void whenDoneAfterCompletionFiresAtOnce() {
        stopNext = true;
        scheduler.pump();
        List<Object> results = new ArrayList<>();
        task.whenDone().addCallback(results::add);
        assertThat(results).containsExactly(worker);
    }

    @Test
    void aStoppedTaskDoesNoWorkAndRefusesStopAndPause() {
        task.stop();
        scheduler.pump();
        assertThat(work).isEmpty();
        assertThatThrownBy(task::stop).isInstanceOf(TaskStopped.class);
        assertThatThrownBy(task::pause).isInstanceOf(TaskStopped.class);
        scheduler.pump();
        assertThat(work).isEmpty();
    }

    @Test
    void resumingAPausedStoppedTaskDoesNothing() {
        task.pause();
        task.stop();
        task.resume();
        scheduler.pump();
        assertThat(work).isEmpty();
    }

    @Test
    void stoppingATaskWaitingOnADeferredEndsItQuietly() {
        deferNext = true;
        scheduler.pump();
        @SuppressWarnings("unchecked")
        Deferred<Object> d = (Deferred<Object>) work.remove(work.size() - 1);
        assertThat(task.pauseCount()).isEqualTo(1);
        List<Object> results = new ArrayList<>();
        d.addBoth(results::add);
        scheduler.pump();
        task.stop();
        scheduler.pump();
        d.callback(7);
        scheduler.pump();
        // The yielded Deferred was consumed by the cooperator: its result is null, not 7.
        assertThat(results).containsExactly((Object) null);
        assertThat(work).isEmpty();
    }

    @Test
    void stoppingAnExhaustedTaskRaisesTaskDone() {
        stopNext = true;
        scheduler.pump();
        assertThatThrownBy(task::stop).isInstanceOf(TaskDone.class);
    }

    @Test
    void stoppingAFailedTaskRaisesTaskFailed() {
        Deferred<Iterator<Object>> done = task.whenDone();
        dieNext = true;
        scheduler.pump();
        assertThatThrownBy(task::stop).isInstanceOf(TaskFailed.class);
        failureResultOf(done, UnhandledException.class);
    }

    @Test
    void stoppingTheCooperatorFromACompletionCallbackIsSafe() {
        List<Object> callbackPhases = new ArrayList<>();
        task.whenDone().addCallback(result -> {
            callbackPhases.add(result);
            cooperator.stop();
            callbackPhases.add("done");
            return null;
        });
        stopNext = true;
        scheduler.pump();
        assertThat(callbackPhases).containsExactly(worker, "done");
    }
}
