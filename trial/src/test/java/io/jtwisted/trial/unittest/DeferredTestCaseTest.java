package io.jtwisted.trial.unittest;

import static io.jtwisted.internet.Reactor.reactor;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.Deferred;
import io.jtwisted.internet.task.Clock;
import io.jtwisted.internet.task.Task;
import io.jtwisted.logger.Logger;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A trial-style TestCase that Surefire runs through the jtwisted-trial engine (its tests count
 * in "Tests run"), using the instance helpers: returned Deferreds and stages, a set-up returning
 * a Deferred, assertFailure, flushLoggedErrors and the synchronous result assertions, and a test
 * returning the Deferred of a Deferred.async body that awaits.
 */
public class DeferredTestCaseTest extends TestCase {
    private String greeting;

    @Override
    public Deferred<Void> setUp() {
        Deferred<String> d = new Deferred<>();
        reactor.callLater(0.001, () -> d.callback("hello"));
        return d.addCallback(value -> {
            greeting = value;
            return null;
        });
    }

    public Deferred<Void> testReturnedAsyncBodyIsAwaited() {
        return Deferred.async(reactor, () -> {
            String value = Deferred.await(Task.deferLater(reactor, 0.001, () -> greeting + " from the reactor"));
            assertThat(value).isEqualTo("hello from the reactor");
            return null;
        });
    }

    public void testSetUpRanBeforeTheTest() {
        assertThat(greeting).isEqualTo("hello");
    }

    public Deferred<String> testReturnedDeferredIsAwaited() {
        Deferred<String> d = new Deferred<>();
        reactor.callLater(0.001, () -> d.callback(greeting + ", world"));
        return d.addCallback(value -> {
            assertThat(value).isEqualTo("hello, world");
            return value;
        });
    }

    public CompletionStage<Integer> testReturnedCompletionStageIsAwaited() {
        return CompletableFuture.supplyAsync(() -> 6 * 7).thenApply(value -> {
            assertThat(value).isEqualTo(42);
            return value;
        });
    }

    public Deferred<IllegalStateException> testAssertFailure() {
        Deferred<String> d = new Deferred<>();
        reactor.callLater(0.001, () -> d.errback(new IllegalStateException("expected")));
        return assertFailure(d, IllegalStateException.class);
    }

    public void testFlushLoggedErrors() {
        Logger.forClass(DeferredTestCaseTest.class).failure("expected", new IllegalArgumentException("logged"));
        assertThat(flushLoggedErrors(IllegalArgumentException.class)).hasSize(1);
    }

    public void testSynchronousAssertionsWithAClock() {
        Clock clock = new Clock();
        Deferred<String> d = new Deferred<>();
        clock.callLater(5, () -> d.callback("later"));
        assertNoResult(d);
        clock.advance(5);
        assertThat(successResultOf(d)).isEqualTo("later");
        assertThat(failureResultOf(Deferred.fail(new IllegalStateException("no")), IllegalStateException.class)
                        .getErrorMessage())
                .isEqualTo("no");
    }
}
