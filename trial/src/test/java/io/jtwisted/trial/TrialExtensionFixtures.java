package io.jtwisted.trial;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.Reactor;
import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.logger.Logger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Test classes run by {@link TrialExtensionTest} through the JUnit engine, several of which must
 * fail. Surefire does not run them itself (nested classes of a class not named like a test).
 */
final class TrialExtensionFixtures {
    private TrialExtensionFixtures() {}

    /** Set by fixtures for the outer test to look at after the run. */
    static volatile Deferred<?> lastDeferred;

    static volatile io.jtwisted.internet.interfaces.IListeningPort lastPort;
    static volatile Reactor lastReactor;

    static IllegalStateException explode() {
        return new IllegalStateException("exploded on purpose");
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredFiredByTheReactor {
        @Test
        void passes() {
            Deferred<String> d = new Deferred<>();
            reactor.callLater(0.01, () -> d.callback("done"));
            assertThat(Trial.await(d)).isEqualTo("done");
            assertThat(reactor.running()).isFalse();
        }

        @Test
        void callWhenRunningHooksRunWhileAwaiting() {
            Deferred<Boolean> d = new Deferred<>();
            reactor.callWhenRunning(() -> d.callback(reactor.running()));
            assertThat(Trial.await(d)).isTrue();
        }

        @Test
        void alreadyFiredDeferredNeedsNoReactor() {
            assertThat(Trial.await(Deferred.succeed(7))).isEqualTo(7);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredErrback {
        @Test
        void failsWithTheOriginalException() {
            Deferred<String> d = new Deferred<>();
            reactor.callLater(0, () -> d.errback(explode()));
            Trial.await(d);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredNeverFires {
        @Test
        void timesOut() {
            Deferred<String> d = new Deferred<>();
            lastDeferred = d;
            Trial.await(d);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class MethodTimeout {
        @Test
        @Timeout(value = 100, unit = TimeUnit.MILLISECONDS)
        void timesOut() {
            Deferred<String> d = new Deferred<>();
            lastDeferred = d;
            Trial.await(d);
        }
    }

    @ExtendWith(TrialExtension.class)
    @Timeout(value = 50, unit = TimeUnit.MILLISECONDS)
    static class ClassTimeout {
        @Test
        void timesOutAfterTheClassTimeout() {
            Trial.await(new Deferred<String>());
        }
    }

    @ExtendWith(TrialExtension.class)
    static class PendingDelayedCall {
        @Test
        void leavesACallScheduled() {
            reactor.callLater(100, () -> {});
        }
    }

    /** Its port's description names it: "<FakeListeningPortFactory on N>". */
    static final class FakeListeningPortFactory extends io.jtwisted.internet.protocol.Factory {
        FakeListeningPortFactory() {
            super(() -> new io.jtwisted.internet.protocol.Protocol() {});
        }
    }

    @ExtendWith(TrialExtension.class)
    static class OpenChannel {
        @Test
        void leavesAListeningPortOpen() {
            lastPort = reactor.listenTCP(0, new FakeListeningPortFactory(), 50, "127.0.0.1");
        }
    }

    @ExtendWith(TrialExtension.class)
    static class BusyThreadPool {
        @Test
        void leavesAThreadBlocked() {
            CountDownLatch never = new CountDownLatch(1);
            reactor.callInThread(never::await);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class LoggedError {
        @Test
        void logsAnErrorAndDoesNotFlushIt() {
            Logger.forClass(LoggedError.class).failure("something broke", explode());
        }
    }

    @ExtendWith(TrialExtension.class)
    static class FlushedLoggedError {
        @Test
        void logsAnErrorAndFlushesIt() {
            Logger.forClass(FlushedLoggedError.class).failure("something broke", explode());
            Logger.forClass(FlushedLoggedError.class).warn("a warning without failure is no error");
            assertThat(Trial.flushLoggedErrors(UnsupportedOperationException.class))
                    .isEmpty();
            assertThat(Trial.flushLoggedErrors(IllegalStateException.class)).hasSize(1);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class ErrorLoggedByTheReactor {
        @Test
        void delayedCallRaises() {
            Deferred<Void> d = new Deferred<>();
            reactor.callLater(0, () -> {
                throw explode();
            });
            reactor.callLater(0.01, () -> d.callback(null));
            Trial.await(d);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class CompletionStageFromAnotherThread {
        @Test
        void passes() {
            CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> "from elsewhere");
            assertThat(Trial.await(future)).isEqualTo("from elsewhere");
        }

        @Test
        void failsWithItsException() {
            CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
                throw explode();
            });
            Trial.await(future);
        }
    }

    @ExtendWith(TrialExtension.class)
    static class OwnReactor {
        @Test
        void leavesACallOnItsOwnReactor() {
            Reactor own = Reactor.create();
            lastReactor = own;
            Deferred<String> d = new Deferred<>();
            own.callLater(0.01, () -> d.callback("own"));
            own.callLater(100, () -> {});
            assertThat(Trial.await(own, d)).isEqualTo("own");
        }
    }

    @ExtendWith(TrialExtension.class)
    static class ListeningPortLeftOpen {
        @Test
        void listensAndForgets() {
            reactor.listenTCP(
                    0,
                    io.jtwisted.internet.protocol.Factory.forProtocol(
                            io.jtwisted.internet.testing.AccumulatingProtocol::new),
                    50,
                    "127.0.0.1");
        }
    }

    static volatile boolean testCalled;

    @ExtendWith(TrialExtension.class)
    static class DeferredSetUpOk {
        private boolean setUpCalled;

        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            Trial.await(Deferred.succeed("value").addCallback(v -> setUpCalled = true));
        }

        @Test
        void ok() {
            assertThat(setUpCalled).isTrue();
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredSetUpError {
        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            Trial.await(Deferred.fail(new IllegalStateException("deliberate error")));
        }

        @Test
        void ok() {
            testCalled = true;
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredSetUpCallbackFail {
        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            Trial.await(Deferred.succeed("value").addCallback(v -> {
                throw new AssertionError("deliberate failure");
            }));
        }

        @Test
        void ok() {
            testCalled = true;
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredSetUpNeverFires {
        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            Trial.await(new Deferred<Void>());
        }

        @Test
        void ok() {
            testCalled = true;
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredSetUpSkip {
        @org.junit.jupiter.api.BeforeEach
        void setUp() {
            Trial.await(Deferred.succeed("value").addCallback(v -> {
                org.junit.jupiter.api.Assumptions.abort("skip me");
                return v;
            }));
        }

        @Test
        void ok() {
            testCalled = true;
        }
    }

    @ExtendWith(TrialExtension.class)
    static class DeferredFromThread {
        @Test
        void deferToThreadIsAwaited() {
            assertThat(Trial.await(io.jtwisted.internet.threads.Threads.deferToThread(
                            reactor, () -> Thread.currentThread().getName())))
                    .startsWith("jtwisted-pool-");
        }
    }

    @ExtendWith(TrialExtension.class)
    @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.MethodName.class)
    static class TwoLoggedErrors {
        @Test
        void a_logsTwoErrors() {
            Logger log = Logger.forClass(TwoLoggedErrors.class);
            log.failure("one", new IllegalStateException("first"));
            log.failure("two", new IllegalArgumentException("second"));
        }

        @Test
        void b_logsNothing() {}
    }
}
