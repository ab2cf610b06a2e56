package io.jtwisted.internet.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.logger.ILogObserver;
import io.jtwisted.logger.LogEvent;
import io.jtwisted.logger.LogPublisher;
import io.jtwisted.testing.CoreTestGuard;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Port of Twisted's {@code twisted.test.test_task.ReactTests}, on test_task's fake reactor
 * ({@link FakeReactor}), through {@link Task#reactForExitCode} (react itself calls
 * {@code System.exit} with that code).
 *
 * <p>Covered: test_runsUntilAsyncCallback, test_runsUntilSyncCallback,
 * test_runsUntilAsyncErrback, test_runsUntilSyncErrback, test_singleStopCallback,
 * test_singleStopErrback, test_exitWithDefinedCode (with {@link SystemExit}),
 * test_synchronousStop, test_asynchronousStop. test_defaultReactor is the examples module's
 * {@code GlobalReactorTaskTest} (the global reactor runs once per JVM, so it runs in a child JVM).
 * Not ported: test_arguments (Java's main function takes only the reactor; pass arguments by
 * capturing them in the lambda); ReactCoroutineFunctionTests (coroutines: Java has no
 * {@code async def}). Added: an exception thrown by main is a failure (exit code 1); react on a
 * real reactor made by {@link Reactor#create()}.
 */
class ReactTest {
    /** A field, so that the after-test checks see what the test leaves in it. */
    private final Reactor real = Reactor.create();

    private final FakeReactor reactor = new FakeReactor();
    private final List<LogEvent> logged = Collections.synchronizedList(new ArrayList<>());
    private final ILogObserver observer = logged::add;

    @BeforeEach
    void captureTheLog() {
        LogPublisher.globalLogPublisher().addObserver(observer);
    }

    @AfterEach
    void stopCapturing() {
        LogPublisher.globalLogPublisher().removeObserver(observer);
    }

    private List<LogEvent> loggedFailures(Class<? extends Throwable> type) {
        CoreTestGuard.flushLoggedErrors(type); // expected: this test checks them itself
        synchronized (logged) {
            return logged.stream()
                    .filter(e -> e.failure() != null && e.failure().check(type) != null)
                    .toList();
        }
    }

    static final class ExpectedException extends Exception {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void runsUntilTheDeferredFiresLaterThenExitsWithZero() {
        List<Boolean> timePassed = new ArrayList<>();
        int code = Task.reactForExitCode(reactor, r -> {
            Deferred<Void> finished = new Deferred<>();
            r.callLater(1, () -> timePassed.add(true));
            r.callLater(2, () -> finished.callback(null));
            return finished;
        });
        assertThat(code).isEqualTo(0);
        assertThat(timePassed).containsExactly(true);
        assertThat(reactor.seconds()).isEqualTo(2.0);
    }

    @Test
    void anAlreadyFiredDeferredEndsAtOnce() {
        int code = Task.reactForExitCode(reactor, r -> Deferred.succeed(null));
        assertThat(code).isEqualTo(0);
        assertThat(reactor.seconds()).isEqualTo(0.0);
    }

    @Test
    void aFailureLaterExitsWithOneAndIsLogged() {
        int code = Task.reactForExitCode(reactor, r -> {
            Deferred<Void> finished = new Deferred<>();
            r.callLater(1, () -> finished.errback(new ExpectedException()));
            return finished;
        });
        assertThat(code).isEqualTo(1);
        assertThat(loggedFailures(ExpectedException.class)).hasSize(1);
    }

    @Test
    void anAlreadyFailedDeferredExitsWithOneAtOnce() {
        int code = Task.reactForExitCode(reactor, r -> Deferred.fail(new ExpectedException()));
        assertThat(code).isEqualTo(1);
        assertThat(reactor.seconds()).isEqualTo(0.0);
        assertThat(loggedFailures(ExpectedException.class)).hasSize(1);
    }

    @Test
    void aDeferredFiredDuringShutdownDoesNotStopTheReactorAgain() {
        int code = Task.reactForExitCode(reactor, r -> {
            r.callLater(1, r::stop);
            Deferred<Void> finished = new Deferred<>();
            r.addSystemEventTrigger("during", "shutdown", () -> {
                finished.callback(null);
                return null;
            });
            return finished;
        });
        assertThat(reactor.seconds()).isEqualTo(1.0);
        assertThat(code).isEqualTo(0);
    }

    @Test
    void aDeferredFailedDuringShutdownExitsWithOne() {
        int code = Task.reactForExitCode(reactor, r -> {
            r.callLater(1, r::stop);
            Deferred<Void> finished = new Deferred<>();
            r.addSystemEventTrigger("during", "shutdown", () -> {
                finished.errback(new ExpectedException());
                return null;
            });
            return finished;
        });
        assertThat(code).isEqualTo(1);
        assertThat(reactor.seconds()).isEqualTo(1.0);
        assertThat(loggedFailures(ExpectedException.class)).hasSize(1);
    }

    @Test
    void systemExitGivesItsCode() {
        int code = Task.reactForExitCode(reactor, r -> Deferred.fail(new SystemExit(23)));
        assertThat(code).isEqualTo(23);
        assertThat(loggedFailures(SystemExit.class)).isEmpty();
    }

    @Test
    void stoppingTheReactorJustBeforeTheDeferredFiresIsHandled() {
        int code = Task.reactForExitCode(reactor, r -> {
            Deferred<Void> d = new Deferred<>();
            r.callWhenRunning(() -> {
                r.stop();
                d.callback(null);
            });
            return d;
        });
        assertThat(code).isEqualTo(0);
    }

    @Test
    void stoppingTheReactorWhileTheDeferredNeverFiresExitsWithZero() {
        int code = Task.reactForExitCode(reactor, r -> {
            r.callLater(1, r::stop);
            return new Deferred<Void>();
        });
        assertThat(code).isEqualTo(0);
    }

    @Test
    void anExceptionThrownByMainExitsWithOne() {
        int code = Task.reactForExitCode(reactor, r -> {
            throw new ExpectedException();
        });
        assertThat(code).isEqualTo(1);
        assertThat(loggedFailures(ExpectedException.class)).hasSize(1);
    }

    @Test
    @Timeout(10)
    void reactRunsARealReactorUntilTheDeferredFires() {
        List<String> seen = new ArrayList<>();
        int code = Task.reactForExitCode(real, r -> Task.deferLater(r, 0.05, () -> seen.add("called")));
        assertThat(code).isEqualTo(0);
        assertThat(seen).containsExactly("called");
        assertThat(real.running()).isFalse();
    }

    @Test
    @Timeout(10)
    void reactOnARealReactorReportsAFailure() {
        int code = Task.reactForExitCode(
                real,
                r -> Task.deferLater(r, 0.01, () -> {
                    throw new ExpectedException();
                }));
        assertThat(code).isEqualTo(1);
        assertThat(loggedFailures(ExpectedException.class)).hasSize(1);
    }
}
