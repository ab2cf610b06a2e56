package io.jtwisted.internet.task;

import static io.jtwisted.internet.task.Results.assertNoResult;
import static io.jtwisted.internet.task.Results.failureResultOf;
import static io.jtwisted.internet.task.Results.successResultOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.jtwisted.internet.defer.CancelledError;
import io.jtwisted.internet.defer.Deferred;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Port of Twisted's {@code twisted.test.test_task.DeferLaterTests}.
 *
 * <p>Covered: test_callback, test_errback, test_cancel, test_noCallback. Not ported: nothing.
 * Added: a callable returning a Deferred is waited for; cancelling after the call ran changes
 * nothing.
 */
class DeferLaterTest {
    private final Clock clock = new Clock();

    @Test
    void firesWithTheCallablesResultAfterTheDelay() {
        List<String> results = new ArrayList<>();
        Object flag = new Object();
        Deferred<Object> d = Task.deferLater(clock, 3, () -> {
            results.add("foo bar");
            return flag;
        });
        clock.advance(2);
        assertThat(results).isEmpty();
        assertNoResult(d);
        clock.advance(1);
        assertThat(results).containsExactly("foo bar");
        assertThat(successResultOf(d)).isSameAs(flag);
    }

    @Test
    void failsWithWhatTheCallableThrows() {
        Deferred<Object> d = Task.deferLater(clock, 1, () -> {
            throw new LoopingCallTest.TestException("raised");
        });
        clock.advance(1);
        failureResultOf(d, LoopingCallTest.TestException.class);
    }

    @Test
    void cancelRemovesTheDelayedCallAndFailsWithCancelledError() {
        List<String> called = new ArrayList<>();
        Deferred<Boolean> d = Task.deferLater(clock, 1, () -> called.add("called"));
        d.cancel();
        failureResultOf(d, CancelledError.class);
        assertThat(clock.getDelayedCalls()).isEmpty();
        clock.advance(1);
        assertThat(called).isEmpty();
    }

    @Test
    void withoutCallableFiresWithNull() {
        Deferred<Void> d = Task.deferLater(clock, 2.0);
        assertNoResult(d);
        clock.advance(2.0);
        assertThat(successResultOf(d)).isNull();
    }

    @Test
    void aDeferredReturnedByTheCallableIsWaitedFor() {
        Deferred<String> inner = new Deferred<>();
        Deferred<String> d = Task.deferLaterDeferring(clock, 1, () -> inner);
        clock.advance(1);
        assertNoResult(d);
        inner.callback("inner result");
        assertThat(successResultOf(d)).isEqualTo("inner result");
    }

    @Test
    void cancelAfterTheCallRanChangesNothing() {
        Deferred<String> d = Task.deferLater(clock, 1, () -> "done");
        clock.advance(1);
        d.cancel();
        assertThat(successResultOf(d)).isEqualTo("done");
    }
}
