package io.jtwisted.internet.defer;

import io.jtwisted.python.failure.Failure;
import java.lang.ref.Cleaner;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Reports a failure left at the end of a Deferred's chain, as Twisted's "Unhandled error in
 * Deferred": when the Deferred is garbage collected, when {@link #reportAll()} runs (a reactor
 * stopping, the JVM exiting), whichever comes first, and only once. Armed only when a chain ends
 * in a failure, so the success path pays nothing.
 *
 * <p>A Java program that drops a failed Deferred and then sits idle would never collect it, and
 * never show the error (CPython's reference counting shows it at once). So, shortly after a
 * failure is left unhandled, the collector is asked to run ({@code System.gc()}), at most once
 * every {@link #NUDGE_INTERVAL_MILLIS}: a cost paid only by programs that leave failures unhandled.
 */
final class UnhandledErrorReporter implements Runnable {
    private static final long NUDGE_DELAY_MILLIS = 1_000;
    private static final long NUDGE_INTERVAL_MILLIS = 10_000;

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "jtwisted-unhandled-deferred-errors");
        thread.setDaemon(true);
        return thread;
    });
    private static final Set<UnhandledErrorReporter> ARMED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean NUDGE_PENDING = new AtomicBoolean();
    private static volatile long lastNudgeNanos =
            System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(NUDGE_INTERVAL_MILLIS);

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(UnhandledErrorReporter::reportAll, "jtwisted-unhandled-deferred-errors-at-exit"));
    }

    private @Nullable Failure failure; // guarded by this; null once handled or reported
    private final @Nullable DebugInfo debugInfo;

    private UnhandledErrorReporter(Failure failure, @Nullable DebugInfo debugInfo) {
        this.failure = failure;
        this.debugInfo = debugInfo;
    }

    static UnhandledErrorReporter watch(Deferred<?> deferred, Failure failure, @Nullable DebugInfo debugInfo) {
        UnhandledErrorReporter reporter = new UnhandledErrorReporter(failure, debugInfo);
        ARMED.add(reporter);
        CLEANER.register(deferred, reporter);
        requestCollection();
        return reporter;
    }

    /** The chain ended in a failure again (possibly after this one was reported): watch it. */
    void update(Failure latest) {
        synchronized (this) {
            failure = latest;
        }
        ARMED.add(this);
        requestCollection();
    }

    /** The failure was handled (an errback ran) or handed on: nothing to report. */
    void disarm() {
        synchronized (this) {
            failure = null;
        }
        ARMED.remove(this);
    }

    /** Reports every armed failure now, once each. */
    static void reportAll() {
        for (UnhandledErrorReporter reporter : ARMED) {
            reporter.run();
        }
    }

    @Override
    public void run() {
        @Nullable Failure unhandled;
        synchronized (this) {
            unhandled = failure;
            failure = null;
        }
        ARMED.remove(this);
        if (unhandled != null) {
            String debug = debugInfo == null ? "" : "\n(debug: " + debugInfo.tracebacks() + ")";
            DeferredLog.LOG.failure("Unhandled error in Deferred:{}", unhandled, debug);
        }
    }

    private static void requestCollection() {
        if (!NUDGE_PENDING.compareAndSet(false, true)) {
            return;
        }
        Thread.ofVirtual().name("jtwisted-unhandled-deferred-errors-nudge").start(() -> {
            try {
                long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastNudgeNanos);
                Thread.sleep(Math.max(NUDGE_DELAY_MILLIS, NUDGE_INTERVAL_MILLIS - sinceLast));
                if (!ARMED.isEmpty()) {
                    System.gc(); // the Cleaner then reports the failed Deferreds nobody holds any more
                }
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } finally {
                lastNudgeNanos = System.nanoTime();
                NUDGE_PENDING.set(false);
            }
        });
    }
}
