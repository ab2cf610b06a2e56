package io.jtwisted.internet.task;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An iterator being run, one {@code next()} at a time, by a {@link Cooperator}: Twisted's
 * {@code CooperativeTask}. It can be paused, resumed and stopped, and {@link #whenDone()} tells
 * when it has ended.
 *
 * <p>Each {@code next()} is one unit of work. When {@code next()} returns a {@link Deferred},
 * the task waits for it before asking for more; when that Deferred fails, the task fails. Create
 * tasks with {@link Cooperator#cooperate} or {@link Task#cooperate}. Use a task from the thread
 * of its cooperator's scheduler (the reactor thread).
 *
 * @param <T> the type of the items the iterator produces
 */
public final class CooperativeTask<T> {
    private final Iterator<T> iterator;
    private final Cooperator cooperator;
    private final List<Deferred<Iterator<T>>> deferreds = new ArrayList<>();
    private int pauseCount;
    /** Null while the task goes on; afterwards, what operations on it throw. */
    private @Nullable SchedulerError completionState;
    /** The iterator (on completion) or a Failure (stopped or failed). */
    private @Nullable Object completionResult;

    CooperativeTask(Iterator<T> iterator, Cooperator cooperator) {
        this.iterator = iterator;
        this.cooperator = cooperator;
        cooperator.addTask(this);
    }

    /**
     * A new Deferred that fires with the iterator once it is exhausted, or fails with what its
     * {@code next()} threw (or the failure of a Deferred it produced), with {@link TaskStopped}
     * after {@link #stop()}, or with {@link SchedulerStopped} when the cooperator stopped. Each
     * call returns a distinct Deferred, so callbacks on one do not change another's result.
     */
    public Deferred<Iterator<T>> whenDone() {
        Deferred<Iterator<T>> d = new Deferred<>();
        if (completionState == null) {
            deferreds.add(d);
        } else {
            fire(d);
        }
        return d;
    }

    /**
     * Stops doing work for this task until {@link #resume()}. Pauses nest: after n pauses it
     * takes n resumes.
     *
     * @throws TaskFinished if the task has already ended
     */
    public void pause() {
        checkFinish();
        pauseCount++;
        if (pauseCount == 1) {
            cooperator.removeTask(this);
        }
    }

    /**
     * Undoes one {@link #pause()}; the work goes on at the cooperator's next tick. Resuming a
     * task that has ended meanwhile does nothing.
     *
     * @throws NotPaused if the task is not paused
     */
    public void resume() {
        if (pauseCount == 0) {
            throw new NotPaused();
        }
        pauseCount--;
        if (pauseCount == 0 && completionState == null) {
            cooperator.addTask(this);
        }
    }

    /**
     * Ends this task: no more work is done for it, and {@link #whenDone()}'s Deferreds fail with
     * {@link TaskStopped}.
     *
     * @throws TaskFinished (its subclass saying how) if the task has already ended
     */
    public void stop() {
        checkFinish();
        completeWith(new TaskStopped(), new Failure(new TaskStopped()));
    }

    /** The iterator this task runs. */
    Iterator<T> iterator() {
        return iterator;
    }

    int pauseCount() {
        return pauseCount;
    }

    void completeWith(SchedulerError state, Object result) {
        completionState = state;
        completionResult = result;
        if (pauseCount == 0) {
            cooperator.removeTask(this);
        }
        // Fired last: a callback may use the cooperator, which must no longer hold this task.
        List<Deferred<Iterator<T>>> toFire = new ArrayList<>(deferreds);
        deferreds.clear();
        for (Deferred<Iterator<T>> d : toFire) {
            fire(d);
        }
    }

    private void fire(Deferred<Iterator<T>> d) {
        if (completionResult instanceof Failure failure) {
            d.errback(failure);
        } else {
            d.callback(iterator);
        }
    }

    private void checkFinish() {
        if (completionState != null) {
            throw completionState;
        }
    }

    /** Does one unit of work: one {@code next()}, ending the task when there is none. */
    void oneWorkUnit() {
        Object item;
        try {
            if (!iterator.hasNext()) {
                completeWith(new TaskDone(), iterator);
                return;
            }
            item = iterator.next();
        } catch (Throwable t) {
            completeWith(new TaskFailed(), new Failure(t));
            return;
        }
        if (item instanceof Deferred<?> waiting) {
            pause();
            @SuppressWarnings("unchecked")
            Deferred<@Nullable Object> chain = (Deferred<@Nullable Object>) waiting;
            chain.<@Nullable Object>addCallbacks(
                    ignored -> {
                        resume();
                        return null;
                    },
                    failure -> {
                        if (completionState == null) {
                            completeWith(new TaskFailed(), failure);
                        }
                        return null;
                    });
        }
    }

    @Override
    public String toString() {
        return "<CooperativeTask " + iterator + (completionState == null ? "" : " " + completionState.getMessage())
                + ">";
    }
}
