package io.jtwisted.internet;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/**
 * IReactorThreads on a real reactor.
 *
 * <p>Port of twisted/internet/test/test_threads.py: test_getThreadPool, test_suggestThreadPoolSize,
 * test_delayedCallFromThread, test_callFromThread, test_stopThreadPool,
 * test_stopThreadPoolWhenStartedAfterReactorRan, test_cleanUpThreadPoolEvenBeforeReactorIsRun,
 * test_isInIOThread, test_isNotInIOThread. Differences: the pool is a Java ExecutorService, created on
 * first use and running from then on (Twisted's starts with the reactor), so "started" is not
 * checked; "stopped and dropped" is checked as isShutdown() plus a new pool on the next call, instead
 * of a weak reference. Not ported: test_threadPoolCurrentThreadDeprecated (Python deprecation).
 */
class ReactorThreadsTest {
    private final Reactor reactor = Reactor.create();

    @Test
    void threadPoolIsShutDownWhenTheReactorStops() {
        ExecutorService pool = reactor.getThreadPool();
        List<Boolean> shutDownWhileRunning = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            shutDownWhileRunning.add(pool.isShutdown());
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(shutDownWhileRunning).containsExactly(false);
        assertThat(pool.isShutdown()).isTrue();
        assertThat(reactor.getThreadPool()).isNotSameAs(pool);
    }

    @Test
    void threadPoolCreatedWhileRunningIsShutDownToo() {
        List<ExecutorService> pools = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            pools.add(reactor.getThreadPool());
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(pools.get(0).isShutdown()).isTrue();
    }

    @Test
    void shutdownEventBeforeRunStopsThePool() {
        ExecutorService pool = reactor.getThreadPool();
        reactor.fireSystemEvent("shutdown");
        assertThat(pool.isShutdown()).isTrue();
    }

    @Test
    void suggestThreadPoolSizeSetsTheMaximum() {
        reactor.suggestThreadPoolSize(17);
        assertThat(((ThreadPoolExecutor) reactor.getThreadPool()).getMaximumPoolSize())
                .isEqualTo(17);
        reactor.suggestThreadPoolSize(3);
        assertThat(((ThreadPoolExecutor) reactor.getThreadPool()).getMaximumPoolSize())
                .isEqualTo(3);
        reactor.fireSystemEvent("shutdown");
    }

    @Test
    void callFromThreadInvokedFromADelayedCallRunsPromptly() {
        reactor.callLater(0, () -> reactor.callFromThread(reactor::stop));
        double before = reactor.seconds();
        runUntilStopped(reactor); // fails if the guard timer had to end it
        assertThat(reactor.seconds() - before).isLessThan(ReactorTestSupport.TIMEOUT_SECONDS / 2);
    }

    @Test
    void callFromThreadFromAPoolThreadRunsOnTheReactorThread() {
        List<Thread> ranOn = new ArrayList<>();
        reactor.callLater(
                0,
                () -> reactor.callInThread(() -> reactor.callFromThread(() -> {
                    ranOn.add(Thread.currentThread());
                    reactor.stop();
                })));
        runUntilStopped(reactor);
        assertThat(ranOn).containsExactly(Thread.currentThread());
    }

    @Test
    void reactorThreadIsTheIoThread() {
        List<Boolean> results = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            results.add(reactor.isInIOThread());
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(results).containsExactly(true);
    }

    @Test
    void poolThreadIsNotTheIoThread() {
        List<Boolean> results = new ArrayList<>();
        // Before run() no thread owns the reactor (isInIOThread is true everywhere), so ask once it runs.
        reactor.callWhenRunning(() -> reactor.callInThread(() -> {
            results.add(reactor.isInIOThread());
            reactor.callFromThread(reactor::stop);
        }));
        runUntilStopped(reactor);
        assertThat(results).containsExactly(false);
    }

    @Test
    void errorInAPoolCallIsLogged() throws InterruptedException {
        try (var log = new ReactorTestSupport.CapturedLog()) {
            ExecutorService pool = reactor.getThreadPool();
            reactor.callInThread(() -> {
                try {
                    throw new IllegalStateException("pool call broke");
                } finally {
                    reactor.callFromThread(reactor::stop);
                }
            });
            runUntilStopped(reactor);
            // the event is logged on the pool thread after the call returns: wait for the (shut down) pool to end
            assertThat(pool.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
            assertThat(log.events)
                    .anySatisfy(e -> assertThat(e.failure().getErrorMessage()).isEqualTo("pool call broke"));
        }
    }
}
