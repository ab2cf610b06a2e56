package io.jtwisted.trial;

import java.util.List;

/**
 * A test left the reactor dirty: delayed calls still pending, channels (listening ports,
 * connections) still registered, or work still running in the reactor's thread pool, as trial's
 * {@code DirtyReactorAggregateError}. {@link TrialExtension} throws it after the test, once it
 * has cancelled, closed and stopped what was left so the next test starts clean.
 */
public class DirtyReactorAggregateError extends RuntimeException {
    private final List<String> delayedCalls;
    private final List<String> selectables;
    private final List<String> threads;

    /**
     * @param delayedCalls descriptions of the delayed calls that were pending
     * @param selectables descriptions of the channels that were still registered
     * @param threads descriptions of the thread-pool work still running or queued
     */
    public DirtyReactorAggregateError(List<String> delayedCalls, List<String> selectables, List<String> threads) {
        super(describe(delayedCalls, selectables, threads));
        this.delayedCalls = List.copyOf(delayedCalls);
        this.selectables = List.copyOf(selectables);
        this.threads = List.copyOf(threads);
    }

    /** The pending delayed calls, as their descriptions. */
    public List<String> delayedCalls() {
        return delayedCalls;
    }

    /** The channels still registered with the reactor, as their descriptions. */
    public List<String> selectables() {
        return selectables;
    }

    /** The thread-pool work still running or queued, as descriptions. */
    public List<String> threads() {
        return threads;
    }

    private static String describe(List<String> delayedCalls, List<String> selectables, List<String> threads) {
        StringBuilder out = new StringBuilder("Reactor was unclean.");
        section(out, "DelayedCalls:", delayedCalls);
        section(out, "Selectables:", selectables);
        section(out, "Threads:", threads);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        out.append('\n').append(title);
        for (String item : items) {
            out.append('\n').append(item);
        }
    }
}
