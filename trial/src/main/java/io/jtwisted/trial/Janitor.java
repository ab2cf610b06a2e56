package io.jtwisted.trial;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.error.ConnectionLost;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.internet.interfaces.IFileDescriptor;
import io.jtwisted.logger.Logger;
import io.jtwisted.python.failure.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cleans a reactor after a test, as trial's {@code _Janitor}: lets calls already due run, then
 * cancels pending delayed calls, removes and closes the descriptors still registered and stops a
 * busy thread pool, describing each thing it had to clean. It uses the reactor's public API only
 * ({@code iterate}, {@code getDelayedCalls}, {@code removeAll}, {@code detachThreadPool}).
 */
final class Janitor {
    private static final Logger LOG = Logger.forClass(Janitor.class);
    /** How long thread-pool work gets to finish (before the check, and after being interrupted). */
    private static final long POOL_GRACE_MILLIS = 500;

    final List<String> delayedCalls = new ArrayList<>();
    final List<String> selectables = new ArrayList<>();
    final List<String> threads = new ArrayList<>();

    private final List<ExecutorService> busyPools = new ArrayList<>();

    /**
     * First phase, before the test's logged errors are read: gives work finishing in the thread
     * pool a moment to end, then lets calls already due (and calls from threads) run, since they
     * are part of the test, not leftovers.
     */
    void settle(Reactor reactor) {
        if (reactor.running()) {
            return;
        }
        settleThreads(reactor);
        reactor.iterate(0);
        reactor.iterate(0);
    }

    /** Second phase: cancels, closes and stops what is left, recording it. */
    void clean(Reactor reactor) {
        if (reactor.running()) {
            // The test left its reactor running (on another thread): nothing here may touch it.
            selectables.add(reactor + " is still running");
            return;
        }
        for (IDelayedCall call : reactor.getDelayedCalls()) {
            if (call.active()) {
                delayedCalls.add(call.toString());
                call.cancel();
            }
        }
        cleanSelectables(reactor);
        for (ExecutorService pool : busyPools) {
            threads.add(
                    pool instanceof ThreadPoolExecutor executor
                            ? executor.getActiveCount() + " thread(s) of the reactor's thread pool still busy, "
                                    + executor.getQueue().size() + " task(s) queued"
                            : "the reactor's thread pool is still busy");
            pool.shutdownNow();
            awaitTermination(pool);
        }
        busyPools.clear();
    }

    boolean dirty() {
        return !delayedCalls.isEmpty() || !selectables.isEmpty() || !threads.isEmpty();
    }

    /** Detaches a pool that has work, so it cannot leak into the next test; an idle pool stays. */
    private void settleThreads(Reactor reactor) {
        ExecutorService pool = reactor.detachThreadPool();
        if (pool == null) {
            return;
        }
        if (pool instanceof ThreadPoolExecutor executor
                && executor.getActiveCount() == 0
                && executor.getQueue().isEmpty()) {
            pool.shutdown(); // idle: nothing to wait for; the next callInThread makes a new pool
            return;
        }
        pool.shutdown();
        if (!awaitTermination(pool)) {
            busyPools.add(pool);
        }
    }

    private static boolean awaitTermination(ExecutorService pool) {
        try {
            return pool.awaitTermination(POOL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Removes what is still registered and closes it (ports stop, connections report ConnectionLost). */
    private void cleanSelectables(Reactor reactor) {
        List<IFileDescriptor> left = reactor.removeAll();
        for (IFileDescriptor descriptor : left) {
            selectables.add(String.valueOf(descriptor));
            try {
                descriptor.connectionLost(new Failure(new ConnectionLost("closed by trial's janitor after the test")));
            } catch (RuntimeException e) {
                LOG.warn("Closing {} after the test failed: {}", descriptor, e);
            }
        }
        if (!left.isEmpty()) {
            reactor.iterate(0); // deregister the cancelled keys
        }
    }
}
