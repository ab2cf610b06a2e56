package io.jtwisted.trial;

import static io.jtwisted.internet.Reactor.reactor;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.logger.Logger;
import io.jtwisted.trial.unittest.Skip;
import io.jtwisted.trial.unittest.SkipTest;
import io.jtwisted.trial.unittest.TestCase;
import io.jtwisted.trial.unittest.Timeout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * TestCase classes run by {@link TrialTestEngineTest} through the engine, several of which must
 * fail. Nothing else runs them: Surefire skips nested classes of a class not named like a test,
 * and the engine's package and class-path scans only pick top-level classes.
 */
final class TrialTestEngineFixtures {
    private TrialTestEngineFixtures() {}

    /** Set by fixtures for the outer test to look at after the run. */
    static volatile Deferred<?> lastDeferred;

    static final List<String> events = new ArrayList<>();

    static IllegalStateException explode() {
        return new IllegalStateException("exploded on purpose");
    }

    /** A Deferred fired by the reactor later. */
    static <T> Deferred<T> later(T value) {
        Deferred<T> d = new Deferred<>();
        reactor.callLater(0.01, () -> d.callback(value));
        return d;
    }

    public static class Passing extends TestCase {
        public Deferred<String> testDeferredFiredByTheReactor() {
            return later("done").addCallback(value -> {
                if (!value.equals("done")) {
                    throw new AssertionError(value);
                }
                return value;
            });
        }

        public void testVoid() {
            events.add("void ran");
        }

        public Deferred<Integer> testAlreadyFired() {
            return Deferred.succeed(1);
        }

        /** Not tests: a helper, a test taking an argument, a static method. */
        public void helper() {
            events.add("helper ran");
        }

        public void testWithArgument(int ignored) {
            events.add("testWithArgument ran");
        }

        public static void testStatic() {
            events.add("testStatic ran");
        }
    }

    /** Inherits Passing's tests, which are reported under this class. */
    public static class Inheriting extends Passing {}

    public static class Errback extends TestCase {
        public Deferred<Void> testErrback() {
            Deferred<Void> d = new Deferred<>();
            reactor.callLater(0.01, () -> d.errback(explode()));
            return d;
        }
    }

    public static class ThrowsSynchronously extends TestCase {
        public void testThrows() {
            throw explode();
        }
    }

    @Timeout(0.1)
    public static class NeverFires extends TestCase {
        public Deferred<Void> testNeverFires() {
            Deferred<Void> d = new Deferred<>();
            lastDeferred = d;
            return d;
        }
    }

    public static class NeverFiresWithoutTimeout extends TestCase {
        public Deferred<Void> testNeverFires() {
            return new Deferred<>();
        }
    }

    public static class MethodTimeout extends TestCase {
        @Timeout(0.05)
        public Deferred<Void> testNeverFires() {
            return new Deferred<>();
        }
    }

    public static class SetUpAndTearDown extends TestCase {
        @Override
        public Deferred<Void> setUp() {
            events.add("setUp");
            return later((Void) null).addCallback(ignored -> {
                events.add("setUp fired");
                return null;
            });
        }

        public Deferred<Void> testSomething() {
            events.add("test");
            return later((Void) null).addCallback(ignored -> {
                events.add("test fired");
                return null;
            });
        }

        @Override
        public CompletionStage<Void> tearDown() {
            events.add("tearDown");
            return CompletableFuture.runAsync(() -> events.add("tearDown fired"));
        }
    }

    public static class SetUpFails extends TestCase {
        @Override
        public Deferred<Void> setUp() {
            return Deferred.fail(explode());
        }

        public void testNotRun() {
            events.add("test ran");
        }

        @Override
        public Object tearDown() {
            events.add("tearDown ran");
            return null;
        }
    }

    public static class TestAndTearDownFail extends TestCase {
        public void testFails() {
            throw new AssertionError("test failed");
        }

        @Override
        public Deferred<Void> tearDown() {
            return Deferred.fail(new IllegalStateException("tearDown failed"));
        }
    }

    public static class DirtyReactor extends TestCase {
        public void testLeavesADelayedCall() {
            reactor.callLater(100, () -> events.add("never"));
        }
    }

    public static class LoggedError extends TestCase {
        public void testLogsAnError() {
            Logger.forClass(LoggedError.class).failure("something broke", explode());
        }
    }

    public static class FlushedLoggedError extends TestCase {
        public void testLogsAndFlushesAnError() {
            Logger.forClass(FlushedLoggedError.class).failure("something broke", explode());
            if (flushLoggedErrors(IllegalStateException.class).size() != 1) {
                throw new AssertionError("one error flushed");
            }
        }
    }

    public static class Skipped extends TestCase {
        @Skip("not today")
        public void testSkipped() {
            events.add("skipped test ran");
        }

        public void testSkipsItself() {
            throw new SkipTest("no network here");
        }

        public void testRuns() {}
    }

    @Skip("whole class")
    public static class SkippedClass extends TestCase {
        public void testSkipped() {
            events.add("skipped class ran");
        }
    }

    public static class Stages extends TestCase {
        public CompletionStage<String> testCompletesOnAnotherThread() {
            return CompletableFuture.supplyAsync(() -> "done");
        }

        public CompletionStage<String> testFailsOnAnotherThread() {
            return CompletableFuture.supplyAsync(() -> {
                throw explode();
            });
        }
    }
}
