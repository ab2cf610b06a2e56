package io.jtwisted.trial;

import io.jtwisted.internal.reactor.NioReactor;
import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.interfaces.IDelayedCall;
import io.jtwisted.logger.Logger;
import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cleans a reactor after a test, as trial's {@code _Janitor}: lets calls already due run, then
 * cancels pending delayed calls, closes registered channels and stops a busy thread pool,
 * describing each thing it had to clean.
 */
final class Janitor {
    private static final Logger LOG = Logger.forClass(Janitor.class);
    /** How long thread-pool work gets to finish (before the check, and after being interrupted). */
    private static final long POOL_GRACE_MILLIS = 500;

    final List<String> delayedCalls = new ArrayList<>();
    final List<String> selectables = new ArrayList<>();
    final List<String> threads = new ArrayList<>();

    private final List<ThreadPoolExecutor> busyPools = new ArrayList<>();

    /**
     * First phase, before the test's logged errors are read: gives work finishing in the thread
     * pool a moment to end, then lets calls already due (and calls from threads) run, since they
     * are part of the test, not leftovers.
     */
    void settle(Reactor reactor) {
        if (reactor.running()) {
            return;
        }
        if (reactor instanceof NioReactor nio) {
            settleThreads(nio);
            nio.iterate(0);
            nio.iterate(0);
        }
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
        if (reactor instanceof NioReactor nio) {
            cleanSelectables(nio);
        }
        for (ThreadPoolExecutor pool : busyPools) {
            threads.add(pool.getActiveCount() + " thread(s) of the reactor's thread pool still busy, "
                    + pool.getQueue().size() + " task(s) queued");
            pool.shutdownNow();
            awaitTermination(pool);
        }
        busyPools.clear();
    }

    boolean dirty() {
        return !delayedCalls.isEmpty() || !selectables.isEmpty() || !threads.isEmpty();
    }

    private void settleThreads(NioReactor nio) {
        ThreadPoolExecutor pool = nio.threadPoolIfCreated();
        if (pool == null || (pool.getActiveCount() == 0 && pool.getQueue().isEmpty())) {
            return;
        }
        nio.detachThreadPool();
        pool.shutdown();
        if (!awaitTermination(pool)) {
            busyPools.add(pool);
        }
    }

    private static boolean awaitTermination(ThreadPoolExecutor pool) {
        try {
            return pool.awaitTermination(POOL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void cleanSelectables(NioReactor nio) {
        for (SelectionKey key : nio.registeredKeys()) {
            if (!key.isValid()) {
                continue;
            }
            Object handler = key.attachment();
            selectables.add(String.valueOf(handler != null ? handler : key.channel()));
            key.cancel();
            try {
                key.channel().close();
            } catch (IOException e) {
                LOG.warn("Closing {} after the test failed: {}", key.channel(), e);
            }
        }
        if (!selectables.isEmpty()) {
            nio.iterate(0); // deregister the cancelled keys
        }
    }
}
