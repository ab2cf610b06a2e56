package io.jtwisted.trial;

import io.jtwisted.internet.Reactor;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What {@link TrialExtension} and the {@link TrialTestEngine} track for the test running now: its timeout, the reactors it
 * used, and the errors logged while it ran. Contexts nest (a test that runs tests, as trial's
 * own tests do); the innermost one is current and receives the logged errors.
 */
final class TrialContext implements ILogObserver {
    private static final Deque<TrialContext> ACTIVE = new ArrayDeque<>();

    private final double timeoutSeconds;
    private final Set<Reactor> reactors = new LinkedHashSet<>();
    private final List<Failure> loggedErrors = new ArrayList<>();

    private TrialContext(double timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
        reactors.add(Reactor.reactor);
    }

    /** Starts a context for a test and makes it current. */
    static TrialContext begin(double timeoutSeconds) {
        TrialContext context = new TrialContext(timeoutSeconds);
        synchronized (ACTIVE) {
            ACTIVE.push(context);
        }
        LogPublisher.globalLogPublisher().addObserver(context);
        return context;
    }

    /** Ends this context; the one it nested in becomes current again. */
    void end() {
        LogPublisher.globalLogPublisher().removeObserver(this);
        synchronized (ACTIVE) {
            ACTIVE.remove(this);
        }
    }

    /** The current context, or {@code null} outside a test run by {@link TrialExtension}. */
    static TrialContext current() {
        synchronized (ACTIVE) {
            return ACTIVE.peek();
        }
    }

    /** The current context. */
    static TrialContext require(String what) {
        TrialContext context = current();
        if (context == null) {
            throw new IllegalStateException(
                    what + " needs a test run with @ExtendWith(TrialExtension.class) or a trial TestCase");
        }
        return context;
    }

    double timeoutSeconds() {
        return timeoutSeconds;
    }

    /** Remembers that the test used {@code reactor}, so it is checked for leftovers afterwards. */
    synchronized void used(Reactor reactor) {
        reactors.add(reactor);
    }

    synchronized List<Reactor> reactors() {
        return new ArrayList<>(reactors);
    }

    /** Collects failures logged while this context is the innermost one. */
    @Override
    public void observe(LogEvent event) {
        if (event.failure() == null || current() != this) {
            return;
        }
        synchronized (this) {
            loggedErrors.add(event.failure());
        }
    }

    /** Removes and returns the logged failures of the given types (all of them when none is given). */
    synchronized List<Failure> flush(Class<? extends Throwable>[] types) {
        List<Failure> flushed = new ArrayList<>();
        for (Iterator<Failure> it = loggedErrors.iterator(); it.hasNext(); ) {
            Failure failure = it.next();
            if (types.length == 0 || failure.check(types) != null) {
                flushed.add(failure);
                it.remove();
            }
        }
        return flushed;
    }

    /** The logged failures not flushed so far. */
    synchronized List<Failure> unflushed() {
        return new ArrayList<>(loggedErrors);
    }

    /**
     * Ends this context after its test, with trial's after-test checks: cleans every reactor the
     * test used, then fails with {@link UnflushedLoggedErrors} when errors were logged and not
     * flushed (a dirty reactor then rides along as a suppressed exception), else with a
     * {@link DirtyReactorAggregateError} when something was left in a reactor.
     */
    void endAndCheck() {
        Janitor janitor = new Janitor();
        List<Failure> unflushed;
        try {
            List<Reactor> used = reactors();
            for (Reactor reactor : used) {
                janitor.settle(reactor);
            }
            // Errors logged from here on come from the cleaning itself (say, a task interrupted
            // by it), not from the test: read the test's errors first.
            unflushed = unflushed();
            for (Reactor reactor : used) {
                janitor.clean(reactor);
            }
        } finally {
            end();
        }
        RuntimeException dirty = janitor.dirty()
                ? new DirtyReactorAggregateError(janitor.delayedCalls, janitor.selectables, janitor.threads)
                : null;
        if (!unflushed.isEmpty()) {
            UnflushedLoggedErrors errors = new UnflushedLoggedErrors(unflushed);
            if (dirty != null) {
                errors.addSuppressed(dirty);
            }
            throw errors;
        }
        if (dirty != null) {
            throw dirty;
        }
    }
}
