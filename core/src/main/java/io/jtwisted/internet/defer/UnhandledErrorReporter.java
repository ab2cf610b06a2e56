package io.jtwisted.internet.defer;

import io.jtwisted.python.failure.Failure;
import java.lang.ref.Cleaner;

/**
 * Logs a failure left at the end of a Deferred's chain when that Deferred is garbage collected,
 * as Twisted's "Unhandled error in Deferred". Armed only when a chain ends in a failure, so the
 * success path pays nothing.
 */
final class UnhandledErrorReporter implements Runnable {
    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "jtwisted-unhandled-deferred-errors");
        thread.setDaemon(true);
        return thread;
    });

    private volatile Failure failure;
    private final String description;

    private UnhandledErrorReporter(Failure failure, String description) {
        this.failure = failure;
        this.description = description;
    }

    static UnhandledErrorReporter watch(Deferred<?> deferred, Failure failure) {
        UnhandledErrorReporter reporter = new UnhandledErrorReporter(failure,
                "Deferred@" + Integer.toHexString(System.identityHashCode(deferred)));
        CLEANER.register(deferred, reporter);
        return reporter;
    }

    void update(Failure latest) {
        failure = latest;
    }

    /** The failure was handled (an errback ran) or handed on: nothing to report. */
    void disarm() {
        failure = null;
    }

    @Override
    public void run() {
        Failure unhandled = failure;
        if (unhandled != null) {
            DeferredLog.LOG.failure("Unhandled error in Deferred ({}):", unhandled, description);
        }
    }
}
