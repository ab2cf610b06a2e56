package io.jtwisted.internet.threads;

import static io.jtwisted.internet.ReactorTestSupport.runUntilStopped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.python.failure.Failure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Threads.deferToThread and blockingCallFromThread.
 *
 * <p>Port of twisted/test/test_threads.py: DeferredResultTests.test_deferredResult,
 * test_deferredFailure, test_deferredFailureAfterSuccess (as deferToThreadRunsManyCallsInOrder...);
 * ThreadsTests.test_blockingCallFromThread, test_asyncBlockingCallFromThread,
 * test_errorBlockingCallFromThread, test_asyncErrorBlockingCallFromThread (the reactor-thread check).
 * Not ported: the ThreadPool-internals and callMultipleInThread tests (Java's ExecutorService
 * replaces twisted.python.threadpool), test_callFromThread's thread-safety stress for Python GIL.
 */
class ThreadsTest {
    private final Reactor reactor = Reactor.create();

    @Test
    void deferToThreadFiresOnTheReactorThreadWithTheResult() {
        List<String> results = new ArrayList<>();
        Thread reactorThread = Thread.currentThread();
        reactor.callWhenRunning(() -> Threads.deferToThread(reactor, () -> {
                    results.add("computed on reactor thread: " + (Thread.currentThread() == reactorThread));
                    return 6 * 7;
                })
                .addCallback(value -> {
                    results.add("result " + value + " on reactor thread: " + (Thread.currentThread() == reactorThread));
                    reactor.stop();
                    return null;
                }));
        runUntilStopped(reactor);
        assertThat(results).containsExactly("computed on reactor thread: false", "result 42 on reactor thread: true");
    }

    @Test
    void deferToThreadFailsWithWhatTheCallableThrew() {
        List<Object> results = new ArrayList<>();
        reactor.callWhenRunning(() -> Threads.<String>deferToThread(reactor, () -> {
                    throw new IOException("disk on fire");
                })
                .addErrback(failure -> {
                    results.add(failure.value());
                    reactor.stop();
                    return null;
                }));
        runUntilStopped(reactor);
        assertThat(results)
                .singleElement()
                .isInstanceOf(IOException.class)
                .extracting(e -> ((Throwable) e).getMessage())
                .isEqualTo("disk on fire");
    }

    @Test
    void deferToThreadDoesNotBlockTheReactor() {
        CountDownLatch release = new CountDownLatch(1);
        List<String> events = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            Threads.deferToThread(reactor, () -> release.await(10, TimeUnit.SECONDS))
                    .addCallback(released -> {
                        events.add("thread done, released=" + released);
                        reactor.stop();
                        return null;
                    });
            reactor.callLater(0.01, () -> {
                events.add("timer ran while the thread blocks");
                release.countDown();
            });
        });
        runUntilStopped(reactor);
        assertThat(events).containsExactly("timer ran while the thread blocks", "thread done, released=true");
    }

    @Test
    void blockingCallFromThreadReturnsTheResult() {
        List<Object> results = new ArrayList<>();
        reactor.callInThread(() -> {
            results.add(Threads.blockingCallFromThread(
                    reactor, () -> "on reactor: " + Thread.currentThread().getName()));
            reactor.callFromThread(reactor::stop);
        });
        runUntilStopped(reactor);
        assertThat(results)
                .containsExactly("on reactor: " + Thread.currentThread().getName());
    }

    @Test
    void blockingCallFromThreadWaitsForADeferred() {
        List<Object> results = new ArrayList<>();
        reactor.callInThread(() -> {
            results.add(Threads.blockingCallFromThreadDeferring(reactor, () -> {
                Deferred<String> d = new Deferred<>();
                reactor.callLater(0.01, () -> d.callback("later"));
                return d;
            }));
            reactor.callFromThread(reactor::stop);
        });
        runUntilStopped(reactor);
        assertThat(results).containsExactly("later");
    }

    @Test
    void blockingCallFromThreadRethrowsTheError() {
        List<Object> results = new ArrayList<>();
        reactor.callInThread(() -> {
            try {
                Threads.blockingCallFromThread(reactor, () -> {
                    throw new IOException("sync failure");
                });
            } catch (IOException expected) {
                results.add(expected.getMessage());
            }
            try {
                Threads.blockingCallFromThreadDeferring(
                        reactor, () -> Deferred.fail(new Failure(new IOException("async failure"))));
            } catch (IOException expected) {
                results.add(expected.getMessage());
            }
            reactor.callFromThread(reactor::stop);
        });
        runUntilStopped(reactor);
        assertThat(results).containsExactly("sync failure", "async failure");
    }

    @Test
    void blockingCallFromThreadOnTheReactorThreadIsRefused() {
        List<Throwable> raised = new ArrayList<>();
        reactor.callWhenRunning(() -> {
            try {
                Threads.blockingCallFromThread(reactor, () -> "never");
            } catch (IllegalStateException expected) {
                raised.add(expected);
            }
            reactor.stop();
        });
        runUntilStopped(reactor);
        assertThat(raised).hasSize(1);
        assertThatThrownBy(() -> {
                    throw raised.get(0);
                })
                .hasMessageContaining("reactor thread");
    }
}
